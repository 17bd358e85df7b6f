/**
 * `Fn::GetAtt` takes `[LogicalId, Attribute]` or the string `LogicalId.Attribute`; CloudFormation
 * splits the string at its first dot (attributes such as `Outputs.Name` keep theirs).
 */
export function splitGetAtt(text: string): [string, string] | undefined {
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1) return undefined;
  return [text.slice(0, dot), text.slice(dot + 1)];
}
