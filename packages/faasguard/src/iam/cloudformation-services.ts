/**
 * The IAM service prefix of a CloudFormation resource type's resources, so that a policy naming
 * `!GetAtt DeliveryStream.Arn` is known to concern Firehose actions only. Types not listed have an
 * unknown service, which every action may concern.
 *
 * Facts from the CloudFormation resource reference and the IAM service authorization reference:
 * the namespace of a type (`AWS::KinesisFirehose::…`) is not always the action prefix (`firehose:`).
 * API Gateway is left out: its resources are managed with `apigateway:` and invoked with
 * `execute-api:`, so an API alone does not say which actions a statement concerns.
 */
import { lookupTable } from '../util/own-keys.js';
const PREFIX_BY_NAMESPACE: Readonly<Record<string, string>> = lookupTable({
  'AWS::AppSync': 'appsync',
  'AWS::Athena': 'athena',
  'AWS::CloudWatch': 'cloudwatch',
  'AWS::CodeBuild': 'codebuild',
  'AWS::CodeCommit': 'codecommit',
  'AWS::Cognito': 'cognito-idp',
  'AWS::DynamoDB': 'dynamodb',
  'AWS::EC2': 'ec2',
  'AWS::ECR': 'ecr',
  'AWS::ECS': 'ecs',
  'AWS::Events': 'events',
  'AWS::Glue': 'glue',
  'AWS::IAM': 'iam',
  'AWS::IoT': 'iot',
  'AWS::KMS': 'kms',
  'AWS::Kinesis': 'kinesis',
  'AWS::KinesisFirehose': 'firehose',
  'AWS::Lambda': 'lambda',
  'AWS::Logs': 'logs',
  'AWS::RDS': 'rds',
  'AWS::S3': 's3',
  'AWS::SNS': 'sns',
  'AWS::SQS': 'sqs',
  'AWS::SSM': 'ssm',
  'AWS::Scheduler': 'scheduler',
  'AWS::SecretsManager': 'secretsmanager',
  'AWS::StepFunctions': 'states',
  'AWS::Serverless::Function': 'lambda',
  'AWS::Serverless::LayerVersion': 'lambda',
  'AWS::Serverless::SimpleTable': 'dynamodb',
  'AWS::Serverless::StateMachine': 'states',
});

/** `AWS::KinesisFirehose::DeliveryStream` → `firehose`; undefined when not known. */
export function servicePrefixOfType(type: string): string | undefined {
  if (type.startsWith('AWS::Serverless::')) return PREFIX_BY_NAMESPACE[type];
  const namespace = type.split('::').slice(0, 2).join('::');
  return PREFIX_BY_NAMESPACE[namespace];
}
