/**
 * An `AWS::IAM::Role` that Lambda may assume, as a template's `Resources` entry (two-space indent),
 * with `more` property lines (six-space indent: `ManagedPolicyArns`, `Policies` …).
 */
export function lambdaRole(name: string, more = ''): string {
  return `  ${name}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
${more}`;
}
