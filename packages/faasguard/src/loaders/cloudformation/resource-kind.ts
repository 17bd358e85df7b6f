import type { ResourceKind } from '../../model/app-model.js';

const KINDS: ReadonlyArray<[RegExp, ResourceKind]> = [
  [/^AWS::(Lambda::Function|Serverless::Function)$/, 'function'],
  [/^AWS::IAM::Role$/, 'role'],
  [/^AWS::IAM::(Policy|ManagedPolicy)$/, 'policy'],
  [/^AWS::S3::Bucket$/, 'bucket'],
  [/^AWS::SQS::Queue$/, 'queue'],
  [/^AWS::SNS::Topic$/, 'topic'],
  [/^AWS::(DynamoDB::(Table|GlobalTable)|Serverless::SimpleTable)$/, 'table'],
  [/^AWS::Kinesis::Stream$/, 'stream'],
  [/^AWS::(ApiGateway::RestApi|ApiGatewayV2::Api|Serverless::(Api|HttpApi))$/, 'api'],
  [/^AWS::Logs::LogGroup$/, 'log-group'],
  [/^AWS::CloudWatch::Alarm$/, 'alarm'],
  [/^AWS::Cognito::UserPool$/, 'user-pool'],
  [/^AWS::(Events|Scheduler)::(Rule|Schedule)$/, 'event-rule'],
  [/^AWS::Events::EventBus$/, 'event-bus'],
  [/^AWS::IoT::TopicRule$/, 'iot-rule'],
  [/^AWS::WAFv2::WebACL$/, 'web-acl'],
  [/^AWS::KMS::Key$/, 'kms-key'],
  [/^AWS::(StepFunctions|Serverless)::StateMachine$/, 'state-machine'],
];

export function resourceKind(type: string): ResourceKind {
  for (const [re, kind] of KINDS) if (re.test(type)) return kind;
  return 'other';
}
