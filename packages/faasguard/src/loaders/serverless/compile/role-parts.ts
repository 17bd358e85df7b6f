/**
 * Pieces every generated execution role has: the Lambda trust policy, the CloudWatch Logs
 * statements, and the managed policy the framework adds for functions in a VPC.
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TNode } from '../../../parse/tree.js';
import type { CompileContext } from './context.js';
import { build, type Shape } from './nodes.js';

export const LAMBDA_TRUST: Shape = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
};

const VPC_ACCESS = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';

/** Write access to the log groups of the given functions (the framework scopes it by name prefix). */
export function logStatements(logGroupPrefix: string, loc: SourceLocation): TNode[] {
  const groups = { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${logGroupPrefix}:*` };
  return [
    build({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource'], Resource: [groups] }, loc),
    build({ Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${logGroupPrefix}:*:*` }] }, loc),
  ];
}

/** The statements of a list node (each item keeps its location). */
export function statementItems(node: TNode | undefined): TNode[] {
  if (node === undefined) return [];
  return node.kind === 'seq' ? node.items : [node];
}

export function managedPolicies(nodes: Array<TNode | undefined>, inVpc: boolean, loc: SourceLocation): Shape {
  const arns: Shape[] = nodes.flatMap((n) => statementItems(n));
  if (inVpc) arns.push(build(VPC_ACCESS, loc));
  return arns.length > 0 ? arns : undefined;
}

export function hasVpc(ctx: CompileContext, node: TNode | undefined): boolean {
  return node?.kind === 'map' || ctx.providerAt('vpc')?.kind === 'map';
}
