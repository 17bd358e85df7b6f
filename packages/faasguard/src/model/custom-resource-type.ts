/**
 * A custom resource: `Custom::<Name>` or `AWS::CloudFormation::CustomResource`. CloudFormation
 * hands its properties to the function or topic its `ServiceToken` names, and its attributes are
 * whatever that function answers.
 */
export function isCustomResourceType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}
