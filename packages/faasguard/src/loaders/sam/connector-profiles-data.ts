// What an AWS SAM connector (AWS::Serverless::Connector, or a resource's `Connectors`) grants,
// for the connections that give a Lambda function permissions or let a service invoke one.
//
// Source of the facts: the AWS SAM developer guide ("AWS SAM connector reference": supported
// source and destination types, and the IAM policies connectors create) and the connector profiles
// the SAM transform ships (samtranslator/model/connector_profiles/profiles.json in
// aws/serverless-application-model). Where the two differ, the transform's profile wins.
//
// Resource patterns keep the profiles' placeholders: `%{Source.Arn}`, `%{Destination.Arn}`,
// `%{Destination.Name}`, `%{Source.ResourceId}`, `%{Source.Qualifier}`; `${AWS::…}` are pseudo
// parameters, as in Fn::Sub.

export type ConnectorAccess = 'Read' | 'Write';

export interface ConnectorStatement {
  actions: string[];
  resources: string[];
}

/** Statements of a managed policy attached to the role of the source (or of the destination) function. */
export interface RolePolicyProfile {
  kind: 'role-policy';
  /** Whose role gets the policy: the source's, or the destination's (a queue or stream a function polls) */
  attachedTo: 'source' | 'destination';
  access: Partial<Record<ConnectorAccess, ConnectorStatement[]>>;
}

/** An AWS::Lambda::Permission that lets the source's service invoke the destination function. */
export interface LambdaPermissionProfile {
  kind: 'lambda-permission';
  principal: string;
  sourceArn: string;
  sourceAccount?: string;
}

export type ConnectorProfile = RolePolicyProfile | LambdaPermissionProfile;

const DESTINATION = '%{Destination.Arn}';
const EXECUTIONS = 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:%{Destination.Name}:*';

const S3_READ = ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectLegalHold', 's3:GetObjectRetention', 's3:GetObjectTorrent', 's3:GetObjectVersion', 's3:GetObjectVersionAcl', 's3:GetObjectVersionForReplication', 's3:GetObjectVersionTorrent', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:ListBucketVersions', 's3:ListMultipartUploadParts'];
const S3_WRITE = ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:RestoreObject'];
const DYNAMODB_READ = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PartiQLSelect'];
const DYNAMODB_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLDelete', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'];

function fromSource(access: RolePolicyProfile['access']): RolePolicyProfile {
  return { kind: 'role-policy', attachedTo: 'source', access };
}

const FUNCTION_SOURCE: Readonly<Record<string, ConnectorProfile>> = {
  'AWS::Lambda::Function': fromSource({ Write: [{ actions: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], resources: [DESTINATION] }] }),
  'AWS::S3::Bucket': fromSource({
    Read: [{ actions: S3_READ, resources: [DESTINATION, `${DESTINATION}/*`] }],
    Write: [{ actions: S3_WRITE, resources: [DESTINATION, `${DESTINATION}/*`] }],
  }),
  'AWS::DynamoDB::Table': fromSource({
    Read: [{ actions: DYNAMODB_READ, resources: [DESTINATION, `${DESTINATION}/index/*`] }],
    Write: [{ actions: DYNAMODB_WRITE, resources: [DESTINATION, `${DESTINATION}/index/*`] }],
  }),
  'AWS::SQS::Queue': fromSource({
    Read: [{ actions: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'], resources: [DESTINATION] }],
    Write: [{ actions: ['sqs:DeleteMessage', 'sqs:SendMessage', 'sqs:ChangeMessageVisibility', 'sqs:PurgeQueue'], resources: [DESTINATION] }],
  }),
  'AWS::SNS::Topic': fromSource({ Write: [{ actions: ['sns:Publish'], resources: [DESTINATION] }] }),
  'AWS::StepFunctions::StateMachine': fromSource({
    Read: [
      { actions: ['states:DescribeStateMachine', 'states:ListExecutions'], resources: [DESTINATION] },
      { actions: ['states:DescribeExecution', 'states:DescribeStateMachineForExecution', 'states:GetExecutionHistory'], resources: [EXECUTIONS] },
    ],
    Write: [
      { actions: ['states:StartExecution', 'states:StartSyncExecution'], resources: [DESTINATION] },
      { actions: ['states:StopExecution'], resources: [EXECUTIONS] },
    ],
  }),
  'AWS::Events::EventBus': fromSource({ Write: [{ actions: ['events:PutEvents'], resources: [DESTINATION] }] }),
  'AWS::Location::PlaceIndex': fromSource({
    Read: [{ actions: ['geo:DescribePlaceIndex', 'geo:GetPlace', 'geo:SearchPlaceIndexForPosition', 'geo:SearchPlaceIndexForSuggestions', 'geo:SearchPlaceIndexForText'], resources: [DESTINATION] }],
  }),
};

const API_SOURCE_ARN = 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:%{Source.ResourceId}/%{Source.Qualifier}';

/** Profiles by source type, then destination type (the CloudFormation types SAM resources become). */
export const CONNECTOR_PROFILES: Readonly<Record<string, Readonly<Record<string, ConnectorProfile>>>> = {
  'AWS::Lambda::Function': FUNCTION_SOURCE,
  // A function polling a queue or a table's stream: the policy goes on the destination function's role.
  'AWS::SQS::Queue': {
    'AWS::Lambda::Function': {
      kind: 'role-policy',
      attachedTo: 'destination',
      access: {
        Read: [{ actions: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'], resources: ['%{Source.Arn}'] }],
        Write: [{ actions: ['sqs:DeleteMessage'], resources: ['%{Source.Arn}'] }],
      },
    },
  },
  'AWS::DynamoDB::Table': {
    'AWS::Lambda::Function': {
      kind: 'role-policy',
      attachedTo: 'destination',
      access: { Read: [{ actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'], resources: ['%{Source.Arn}/stream/*'] }] },
    },
  },
  'AWS::SNS::Topic': { 'AWS::Lambda::Function': { kind: 'lambda-permission', principal: 'sns.amazonaws.com', sourceArn: '%{Source.Arn}' } },
  'AWS::S3::Bucket': { 'AWS::Lambda::Function': { kind: 'lambda-permission', principal: 's3.amazonaws.com', sourceArn: '%{Source.Arn}', sourceAccount: '${AWS::AccountId}' } },
  'AWS::Events::Rule': { 'AWS::Lambda::Function': { kind: 'lambda-permission', principal: 'events.amazonaws.com', sourceArn: '%{Source.Arn}' } },
  'AWS::ApiGateway::RestApi': { 'AWS::Lambda::Function': { kind: 'lambda-permission', principal: 'apigateway.amazonaws.com', sourceArn: API_SOURCE_ARN } },
  'AWS::ApiGatewayV2::Api': { 'AWS::Lambda::Function': { kind: 'lambda-permission', principal: 'apigateway.amazonaws.com', sourceArn: API_SOURCE_ARN } },
  'AWS::AppSync::GraphQLApi': { 'AWS::Lambda::Function': { kind: 'lambda-permission', principal: 'appsync.amazonaws.com', sourceArn: 'arn:${AWS::Partition}:appsync:${AWS::Region}:${AWS::AccountId}:apis/%{Source.ResourceId}' } },
};

/** SAM resource types as the CloudFormation types the connector profiles name. */
export const CONNECTOR_TYPE_OF: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
};

/** How a resource of the template gives each placeholder: `Ref`, or the attribute of `Fn::GetAtt`. */
export const CONNECTOR_OUTPUTS: Readonly<Record<string, Readonly<Record<string, 'Ref' | string>>>> = {
  'AWS::Lambda::Function': { Arn: 'Arn' },
  'AWS::StepFunctions::StateMachine': { Arn: 'Ref', Name: 'Name' },
  'AWS::SQS::Queue': { Arn: 'Arn' },
  'AWS::SNS::Topic': { Arn: 'Ref' },
  'AWS::DynamoDB::Table': { Arn: 'Arn' },
  'AWS::S3::Bucket': { Arn: 'Arn' },
  'AWS::Location::PlaceIndex': { Arn: 'Arn' },
  'AWS::Events::EventBus': { Arn: 'Arn' },
  'AWS::Events::Rule': { Arn: 'Arn' },
  'AWS::ApiGateway::RestApi': { Arn: 'Arn', ResourceId: 'Ref' },
  'AWS::ApiGatewayV2::Api': { Arn: 'Arn', ResourceId: 'Ref' },
  'AWS::AppSync::GraphQLApi': { Arn: 'Ref', ResourceId: 'ApiId' },
};
