/**
 * A policy's `Resource` entry as the ARN pattern IAM matches (`*` and `?` its wildcards), with what
 * is unknown before deployment (the account, a parameter) as `*`: the entry written out, or a
 * template resource's ARN in its type's format (`!GetAtt Orders.Arn` →
 * `arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}`, the names left to
 * arn-overlap.ts). Undefined when the entry is not an ARN the scanner can spell.
 */
import type { ModelIndex } from '../model/model-index.js';
import { Composite, ResourceRef, type Value } from '../model/value.js';
import { resourceTypeFormat } from './action-resource-types.js';

/**
 * The references that return an ARN, by CloudFormation type and attribute (`Ref` for `!Ref`),
 * with the IAM resource type whose format it has (`service/type`, as the Service Authorization
 * Reference names them). Exported for the test that finds each in the catalogue.
 */
export const ARN_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['AWS::S3::Bucket.Arn', 's3/bucket'],
  ['AWS::DynamoDB::Table.Arn', 'dynamodb/table'],
  ['AWS::DynamoDB::Table.StreamArn', 'dynamodb/stream'],
  ['AWS::DynamoDB::GlobalTable.Arn', 'dynamodb/table'],
  ['AWS::DynamoDB::GlobalTable.StreamArn', 'dynamodb/stream'],
  ['AWS::SQS::Queue.Arn', 'sqs/queue'],
  ['AWS::SNS::Topic.Ref', 'sns/topic'],
  ['AWS::SNS::Topic.TopicArn', 'sns/topic'],
  ['AWS::Lambda::Function.Arn', 'lambda/function'],
  ['AWS::Serverless::Function.Arn', 'lambda/function'],
  ['AWS::Logs::LogGroup.Arn', 'logs/log-group'],
  ['AWS::Kinesis::Stream.Arn', 'kinesis/stream'],
  ['AWS::KinesisFirehose::DeliveryStream.Arn', 'firehose/deliverystream'],
  ['AWS::StepFunctions::StateMachine.Ref', 'states/statemachine'],
  ['AWS::StepFunctions::StateMachine.Arn', 'states/statemachine'],
  ['AWS::Serverless::StateMachine.Ref', 'states/statemachine'],
  ['AWS::Serverless::StateMachine.Arn', 'states/statemachine'],
  ['AWS::Events::EventBus.Arn', 'events/event-bus'],
  ['AWS::SecretsManager::Secret.Ref', 'secretsmanager/secret'],
  ['AWS::SecretsManager::Secret.Id', 'secretsmanager/secret'],
  ['AWS::KMS::Key.Arn', 'kms/key'],
  ['AWS::IAM::Role.Arn', 'iam/role'],
  ['AWS::Cognito::UserPool.Arn', 'cognito-idp/userpool'],
]);

export function resourceArnPattern(v: Value, index: ModelIndex): string | undefined {
  if (typeof v === 'string') return v.startsWith('arn:') ? part(v) : undefined;
  if (v instanceof ResourceRef) return referencedArn(v, index);
  if (!(v instanceof Composite)) return undefined;
  const [first, ...rest] = v.parts;
  const head = first instanceof ResourceRef ? referencedArn(first, index) : part(first);
  const pattern = [head, ...rest.map(part)].join('');
  return head !== undefined && pattern.startsWith('arn:') ? pattern : undefined;
}

/**
 * A piece of a joined ARN: text as written, but for the policy's variables (`${aws:username}`),
 * known only when a request is made; anything else a name the scanner does not know.
 */
function part(p: Value | undefined): string {
  return typeof p === 'string' ? p.replace(/\$\{[^}]*\}/g, '*') : '*';
}

/**
 * The ARN a reference returns, in its resource type's format, whose `${Variable}`s stand for names
 * the scanner does not know (arn-overlap.ts reads them: a bucket's name holds no `/`).
 */
function referencedArn(ref: ResourceRef, index: ModelIndex): string | undefined {
  const type = index.resource(ref.target)?.type;
  const row = type === undefined ? undefined : ARN_ATTRIBUTES.get(`${type}.${ref.attribute ?? 'Ref'}`);
  if (row === undefined) return undefined;
  const [service, resourceType] = row.split('/') as [string, string];
  return resourceTypeFormat(service, resourceType);
}
