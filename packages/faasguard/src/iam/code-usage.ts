/**
 * What a role grants against what its functions' code uses: the bridge between the role's
 * expanded statements and the least privilege found in the code.
 */
import type { UsedAction } from '../code/aws-calls/least-privilege.js';
import type { GrantingStatement } from './role-permissions.js';
import { grantsAction } from './expand-actions.js';
import { targetFitsService } from './resource-target.js';

/**
 * Actions the platform calls with the function's role, not the code: logging, tracing, VPC network
 * interfaces, EFS mounts, and the pollers of queue, stream, DocumentDB, MQ and Kafka event sources. The Serverless Framework's
 * default role also tags its log groups.
 */
const SERVICE_SIDE = new Set(
  [
    'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:TagResource',
    'xray:PutTraceSegments', 'xray:PutTelemetryRecords',
    'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
    'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility',
    'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard',
    'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams',
    // Event source mappings of DocumentDB, Amazon MQ and MSK read the cluster or broker with the function's role.
    'rds:DescribeDBClusters', 'rds:DescribeDBClusterParameters', 'rds:DescribeDBSubnetGroups',
    'mq:DescribeBroker', 'kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers',
    'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
    // Lambda mounts an EFS file system with the role; no SDK operation needs these.
    'elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess',
  ].map((a) => a.toLowerCase()),
);

export function isServiceSideAction(action: string): boolean {
  return SERVICE_SIDE.has(action.toLowerCase());
}

/** Whether a statement grants a used action on (one of) the resources the code acts on. */
export function statementGrants(s: GrantingStatement, used: UsedAction): boolean {
  if (!grantsAction(s.actions, used.action)) return false;
  if (s.anyResource || used.resourceIds.length === 0) return true;
  const service = used.action.split(':')[0]!;
  // A resource outside the template or unknown before deployment may be the one: assume it is.
  return s.resources.some((r) => targetFitsService(r, service) && (r.kind !== 'model' || used.resourceIds.includes(r.id ?? '')));
}

/** Whether every statement of the role is known (no managed policy without its document, no unresolvable action). */
export function statementsKnown(policiesKnown: boolean, statements: readonly GrantingStatement[]): boolean {
  return policiesKnown && statements.every((s) => s.unknownPatterns.length === 0);
}
