/**
 * Polled event sources into AWS::Lambda::EventSourceMapping: `sqs`, `stream` (DynamoDB and
 * Kinesis), `kafka` and `msk`, `activemq` and `rabbitmq`. The framework also grants the function's
 * role the read permissions each source needs; they are added to that role here too.
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { splitGetAtt } from '../../cloudformation/get-att.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, getAtt, text, type Shape } from './nodes.js';

const READ_ACTIONS: Readonly<Record<string, string[]>> = {
  SQS: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  Dynamodb: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
  Kinesis: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:ListStreams'],
  MSK: ['kafka:DescribeCluster', 'kafka:GetBootstrapBrokers', 'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'],
  ActiveMQ: ['mq:DescribeBroker', 'secretsmanager:GetSecretValue'],
  RabbitMQ: ['mq:DescribeBroker', 'secretsmanager:GetSecretValue'],
};

export function compileSqsEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const arn = event.kind === 'map' ? get(event, 'arn') : event;
  if (!arn) return missing(ctx, 'sqs', event.loc);
  mapping(ctx, fn, 'SQS', sourceName(arn), event, {
    EventSourceArn: arn,
    BatchSize: get(event, 'batchSize') ?? 10,
    MaximumBatchingWindowInSeconds: get(event, 'maximumBatchingWindow'),
    FunctionResponseTypes: get(event, 'functionResponseType') ? [get(event, 'functionResponseType')] : undefined,
    Enabled: get(event, 'enabled') ?? true,
    FilterCriteria: filterCriteria(get(event, 'filterPatterns')),
  });
  grant(fn, 'SQS', arn, event.loc);
}

export function compileStreamEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const arn = event.kind === 'map' ? get(event, 'arn') : event;
  if (!arn) return missing(ctx, 'stream', event.loc);
  const type = streamType(text(get(event, 'type')), arn);
  const onFailure = get(get(get(event, 'destinations'), 'onFailure'), 'arn') ?? get(get(event, 'destinations'), 'onFailure');
  mapping(ctx, fn, type, sourceName(arn), event, {
    EventSourceArn: arn,
    BatchSize: get(event, 'batchSize') ?? 10,
    StartingPosition: get(event, 'startingPosition') ?? 'TRIM_HORIZON',
    MaximumRetryAttempts: get(event, 'maximumRetryAttempts'),
    BisectBatchOnFunctionError: get(event, 'bisectBatchOnFunctionError'),
    ParallelizationFactor: get(event, 'parallelizationFactor'),
    FunctionResponseTypes: get(event, 'functionResponseType') ? [get(event, 'functionResponseType')] : undefined,
    DestinationConfig: onFailure ? { OnFailure: { Destination: onFailure } } : undefined,
    Enabled: get(event, 'enabled') ?? true,
  });
  grant(fn, type, arn, event.loc);
}

export function compileKafkaEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const topic = get(event, 'topic');
  mapping(ctx, fn, 'Kafka', text(topic) ?? 'Topic', event, {
    Topics: topic ? [topic] : undefined,
    SelfManagedEventSource: { Endpoints: { KafkaBootstrapServers: get(event, 'bootstrapServers') } },
    StartingPosition: get(event, 'startingPosition') ?? 'TRIM_HORIZON',
    BatchSize: get(event, 'batchSize'),
    Enabled: get(event, 'enabled') ?? true,
  });
}

export function compileMskEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const arn = get(event, 'arn');
  const topic = get(event, 'topic');
  mapping(ctx, fn, 'MSK', `${arn ? sourceName(arn) : 'Cluster'}${text(topic) ?? ''}`, event, {
    EventSourceArn: arn,
    Topics: topic ? [topic] : undefined,
    StartingPosition: get(event, 'startingPosition') ?? 'TRIM_HORIZON',
    BatchSize: get(event, 'batchSize'),
    Enabled: get(event, 'enabled') ?? true,
  });
  if (arn) grant(fn, 'MSK', arn, event.loc);
}

export function compileMqEvent(kind: 'ActiveMQ' | 'RabbitMQ') {
  return (ctx: CompileContext, fn: ServerlessFunction, event: TNode): void => {
    const arn = get(event, 'arn');
    const queue = get(event, 'queue');
    mapping(ctx, fn, kind, text(queue) ?? 'Queue', event, {
      EventSourceArn: arn,
      Queues: queue ? [queue] : undefined,
      SourceAccessConfigurations: get(event, 'basicAuthArn') ? [{ Type: 'BASIC_AUTH', URI: get(event, 'basicAuthArn') }] : undefined,
      BatchSize: get(event, 'batchSize'),
      Enabled: get(event, 'enabled') ?? true,
    });
    if (arn) grant(fn, kind, arn, event.loc);
  };
}

function mapping(ctx: CompileContext, fn: ServerlessFunction, type: string, source: string, event: TNode, properties: { [key: string]: Shape }): void {
  ctx.add(naming.eventSourceMapping(fn.name, type, source), 'AWS::Lambda::EventSourceMapping', { FunctionName: getAtt(fn.logicalId, 'Arn'), ...properties }, event.loc);
}

function grant(fn: ServerlessFunction, type: string, arn: TNode, loc: SourceLocation): void {
  const actions = READ_ACTIONS[type];
  if (actions) fn.eventStatements.push(build({ Effect: 'Allow', Action: actions, Resource: [arn] }, loc));
}

/** `arn:…:queue-name` → queue-name; `!GetAtt Jobs.Arn` → Jobs; a DynamoDB stream ARN → its table. */
function sourceName(arn: TNode): string {
  const attTarget = get(arn, 'Fn::GetAtt');
  if (attTarget?.kind === 'seq') return text(attTarget.items[0]) ?? 'Source';
  if (attTarget?.kind === 'scalar') return String(attTarget.value).split('.')[0] ?? 'Source';
  const value = text(arn) ?? text(get(arn, 'Ref')) ?? '';
  const table = /:table\/([^/]+)\/stream\//.exec(value);
  if (table) return table[1]!;
  return value.split(/[:/]/).filter((p) => p !== '' && !p.includes('\u0000')).pop() ?? 'Source';
}

function streamType(declared: string | undefined, arn: TNode): 'Dynamodb' | 'Kinesis' {
  if (declared) return declared.toLowerCase() === 'kinesis' ? 'Kinesis' : 'Dynamodb';
  const value = text(arn) ?? '';
  if (value.includes(':kinesis:')) return 'Kinesis';
  const att = get(arn, 'Fn::GetAtt');
  const attribute = att?.kind === 'seq' ? text(att.items[1]) : splitGetAtt(text(att) ?? '')?.[1];
  if (attribute === 'Arn') return 'Kinesis';
  return 'Dynamodb';
}

function filterCriteria(patterns: TNode | undefined): Shape {
  if (patterns?.kind !== 'seq') return undefined;
  return { Filters: patterns.items.map((p) => ({ Pattern: p })) };
}

function missing(ctx: CompileContext, kind: string, loc: SourceLocation): void {
  ctx.diagnostics.warning('malformed-serverless', `${kind} event without an arn: skipped`, loc);
}
