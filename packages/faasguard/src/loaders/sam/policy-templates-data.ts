// packages/faasguard/src/loaders/sam/policy-templates-data.ts
//
// What each AWS SAM policy template grants once the SAM transform expands it.
//
// Source of the facts: the AWS SAM developer guide ("AWS SAM policy template list" and "policy
// template table") and the policy template definitions that the SAM transform ships
// (samtranslator/policy_templates_data/policy_templates.json in aws/serverless-application-model).
// Where the two differ, the transform's definition wins, because that is what is deployed.
//
// Conventions kept from the definitions on purpose:
//  - Action lists keep the documented order, including the few duplicate entries the
//    CodeCommit templates carry (duplicates grant nothing extra).
//  - Resource is an array only where the definition uses an array (even of one element).
//  - Fn::Sub variable names (e.g. `bucketName`, `pipelinename`) are spelled as in the definition.
//  - A definition that writes a single action as a string is normalised to a one-element array.

/** One SAM policy template, as the SAM transform defines it. Parameters are referenced in the
 * definition with { Ref: '<ParamName>' } or inside { 'Fn::Sub': [string, { var: { Ref: '<ParamName>' } }] }
 * or { 'Fn::Sub': 'arn:${AWS::Partition}:...' } exactly as CloudFormation intrinsics, so that the
 * scanner's intrinsic evaluator resolves them with the user's parameter values bound. */
export interface SamPolicyTemplate {
  description: string;
  parameters: string[]; // e.g. ['BucketName']
  statements: SamTemplateStatement[];
}

export interface SamTemplateStatement {
  Effect: 'Allow' | 'Deny';
  Action: string[]; // exact IAM actions, e.g. 's3:GetObject'
  Resource: unknown; // string, '*', intrinsic object, or an array of those
  Condition?: unknown;
}

type SubIntrinsic =
  | { 'Fn::Sub': string }
  | { 'Fn::Sub': [string, Record<string, { Ref: string }>] };

/**
 * `Fn::Sub` with each `${var}` bound to `{ Ref: <param> }`; with no bindings, the plain
 * string form (only pseudo parameters inside).
 */
function sub(template: string, bindings?: Record<string, string>): SubIntrinsic {
  if (bindings === undefined) return { 'Fn::Sub': template };
  const vars: Record<string, { Ref: string }> = {};
  for (const [name, param] of Object.entries(bindings)) vars[name] = { Ref: param };
  return { 'Fn::Sub': [template, vars] };
}

function allow(Action: string[], Resource: unknown, Condition?: unknown): SamTemplateStatement {
  // Copy the list so that templates sharing an action list never share one array.
  const actions = [...Action];
  return Condition === undefined
    ? { Effect: 'Allow', Action: actions, Resource }
    : { Effect: 'Allow', Action: actions, Resource, Condition };
}

const REGION_ACCOUNT = '${AWS::Region}:${AWS::AccountId}';

// ---------------------------------------------------------------------------------------------
// Resource ARNs shared by several templates.

const dynamoTable = () =>
  sub(`arn:\${AWS::Partition}:dynamodb:${REGION_ACCOUNT}:table/\${tableName}`, { tableName: 'TableName' });
const dynamoTableIndexes = () =>
  sub(`arn:\${AWS::Partition}:dynamodb:${REGION_ACCOUNT}:table/\${tableName}/index/*`, { tableName: 'TableName' });
const dynamoTableBackups = () =>
  sub(`arn:\${AWS::Partition}:dynamodb:${REGION_ACCOUNT}:table/\${tableName}/backup/*`, { tableName: 'TableName' });
const s3Bucket = () => sub('arn:${AWS::Partition}:s3:::${bucketName}', { bucketName: 'BucketName' });
const s3Objects = () => sub('arn:${AWS::Partition}:s3:::${bucketName}/*', { bucketName: 'BucketName' });
const emrCluster = () =>
  sub(`arn:\${AWS::Partition}:elasticmapreduce:${REGION_ACCOUNT}:cluster/\${clusterId}`, { clusterId: 'ClusterId' });
const kmsKey = () => sub(`arn:\${AWS::Partition}:kms:${REGION_ACCOUNT}:key/\${keyId}`, { keyId: 'KeyId' });
const firehoseStream = () =>
  sub(`arn:\${AWS::Partition}:firehose:${REGION_ACCOUNT}:deliverystream/\${deliveryStreamName}`, {
    deliveryStreamName: 'DeliveryStreamName',
  });
const kinesisStream = () =>
  sub(`arn:\${AWS::Partition}:kinesis:${REGION_ACCOUNT}:stream/\${streamName}`, { streamName: 'StreamName' });
const rekognitionCollection = () =>
  sub(`arn:\${AWS::Partition}:rekognition:${REGION_ACCOUNT}:collection/\${collectionId}`, {
    collectionId: 'CollectionId',
  });
const sesIdentity = () =>
  sub(`arn:\${AWS::Partition}:ses:${REGION_ACCOUNT}:identity/\${identityName}`, { identityName: 'IdentityName' });
const sqsQueue = () => sub(`arn:\${AWS::Partition}:sqs:${REGION_ACCOUNT}:\${queueName}`, { queueName: 'QueueName' });
const stateMachine = () =>
  sub(`arn:\${AWS::Partition}:states:${REGION_ACCOUNT}:stateMachine:\${stateMachineName}`, {
    stateMachineName: 'StateMachineName',
  });
const codeCommitRepository = () =>
  sub(`arn:\${AWS::Partition}:codecommit:${REGION_ACCOUNT}:\${repositoryName}`, { repositoryName: 'RepositoryName' });

// ---------------------------------------------------------------------------------------------
// Action lists shared by several templates.

const SSM_PARAMETER_READ_ACTIONS = ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'];

const DYNAMODB_CRUD_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:BatchGetItem',
  'dynamodb:DescribeTable',
  'dynamodb:ConditionCheckItem',
];

const CODECOMMIT_CRUD_ACTIONS = [
  'codecommit:GitPull',
  'codecommit:GitPush',
  'codecommit:CreateBranch',
  'codecommit:DeleteBranch',
  'codecommit:GetBranch',
  'codecommit:ListBranches',
  'codecommit:MergeBranchesByFastForward',
  'codecommit:MergeBranchesBySquash',
  'codecommit:MergeBranchesByThreeWay',
  'codecommit:UpdateDefaultBranch',
  'codecommit:BatchDescribeMergeConflicts',
  'codecommit:CreateUnreferencedMergeCommit',
  'codecommit:DescribeMergeConflicts',
  'codecommit:GetMergeCommit',
  'codecommit:GetMergeOptions',
  'codecommit:BatchGetPullRequests',
  'codecommit:CreatePullRequest',
  'codecommit:DescribePullRequestEvents',
  'codecommit:GetCommentsForPullRequest',
  'codecommit:GetCommitsFromMergeBase',
  'codecommit:GetMergeConflicts',
  'codecommit:GetPullRequest',
  'codecommit:ListPullRequests',
  'codecommit:MergePullRequestByFastForward',
  'codecommit:MergePullRequestBySquash',
  'codecommit:MergePullRequestByThreeWay',
  'codecommit:PostCommentForPullRequest',
  'codecommit:UpdatePullRequestDescription',
  'codecommit:UpdatePullRequestStatus',
  'codecommit:UpdatePullRequestTitle',
  'codecommit:DeleteFile',
  'codecommit:GetBlob',
  'codecommit:GetFile',
  'codecommit:GetFolder',
  'codecommit:PutFile',
  'codecommit:DeleteCommentContent',
  'codecommit:GetComment',
  'codecommit:GetCommentsForComparedCommit',
  'codecommit:PostCommentForComparedCommit',
  'codecommit:PostCommentReply',
  'codecommit:UpdateComment',
  'codecommit:BatchGetCommits',
  'codecommit:CreateCommit',
  'codecommit:GetCommit',
  'codecommit:GetCommitHistory',
  'codecommit:GetDifferences',
  'codecommit:GetObjectIdentifier',
  'codecommit:GetReferences',
  'codecommit:GetTree',
  'codecommit:GetRepository',
  'codecommit:UpdateRepositoryDescription',
  'codecommit:ListTagsForResource',
  'codecommit:TagResource',
  'codecommit:UntagResource',
  'codecommit:GetRepositoryTriggers',
  'codecommit:PutRepositoryTriggers',
  'codecommit:TestRepositoryTriggers',
  'codecommit:GetBranch',
  'codecommit:GetCommit',
  'codecommit:UploadArchive',
  'codecommit:GetUploadArchiveStatus',
  'codecommit:CancelUploadArchive',
];

const CODECOMMIT_READ_ACTIONS = [
  'codecommit:GitPull',
  'codecommit:GetBranch',
  'codecommit:ListBranches',
  'codecommit:BatchDescribeMergeConflicts',
  'codecommit:DescribeMergeConflicts',
  'codecommit:GetMergeCommit',
  'codecommit:GetMergeOptions',
  'codecommit:BatchGetPullRequests',
  'codecommit:DescribePullRequestEvents',
  'codecommit:GetCommentsForPullRequest',
  'codecommit:GetCommitsFromMergeBase',
  'codecommit:GetMergeConflicts',
  'codecommit:GetPullRequest',
  'codecommit:ListPullRequests',
  'codecommit:GetBlob',
  'codecommit:GetFile',
  'codecommit:GetFolder',
  'codecommit:GetComment',
  'codecommit:GetCommentsForComparedCommit',
  'codecommit:BatchGetCommits',
  'codecommit:GetCommit',
  'codecommit:GetCommitHistory',
  'codecommit:GetDifferences',
  'codecommit:GetObjectIdentifier',
  'codecommit:GetReferences',
  'codecommit:GetTree',
  'codecommit:GetRepository',
  'codecommit:ListTagsForResource',
  'codecommit:GetRepositoryTriggers',
  'codecommit:TestRepositoryTriggers',
  'codecommit:GetBranch',
  'codecommit:GetCommit',
  'codecommit:GetUploadArchiveStatus',
];

// ---------------------------------------------------------------------------------------------

export const SAM_POLICY_TEMPLATES: Readonly<Record<string, SamPolicyTemplate>> = {
  AMIDescribePolicy: {
    description: 'Gives permissions to describe AMIs',
    parameters: [],
    statements: [allow(['ec2:DescribeImages'], '*')],
  },

  AWSSecretsManagerGetSecretValuePolicy: {
    description: 'Grants permissions to GetSecretValue for the specified AWS Secrets Manager secret',
    parameters: ['SecretArn'],
    statements: [allow(['secretsmanager:GetSecretValue'], sub('${secretArn}', { secretArn: 'SecretArn' }))],
  },

  AWSSecretsManagerRotationPolicy: {
    description: 'Grants permissions to APIs required to rotate a secret in AWS Secrets Manager',
    parameters: ['FunctionName'],
    statements: [
      allow(
        [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        sub(`arn:\${AWS::Partition}:secretsmanager:${REGION_ACCOUNT}:secret:*`),
        {
          StringEquals: {
            'secretsmanager:resource/AllowRotationLambdaArn': sub(
              `arn:\${AWS::Partition}:lambda:${REGION_ACCOUNT}:function:\${functionName}`,
              { functionName: 'FunctionName' },
            ),
          },
        },
      ),
      allow(['secretsmanager:GetRandomPassword'], '*'),
    ],
  },

  AcmGetCertificatePolicy: {
    description: 'Gives permission to retrieve a certificate and its certificate chain from ACM',
    parameters: ['CertificateArn'],
    statements: [allow(['acm:GetCertificate'], sub('${certificateArn}', { certificateArn: 'CertificateArn' }))],
  },

  AthenaQueryPolicy: {
    description: 'Gives permissions to execute Athena queries',
    parameters: ['WorkGroupName'],
    statements: [
      allow(
        [
          'athena:ListWorkGroups',
          'athena:GetExecutionEngine',
          'athena:GetExecutionEngines',
          'athena:GetNamespace',
          'athena:GetCatalogs',
          'athena:GetNamespaces',
          'athena:GetTables',
          'athena:GetTable',
        ],
        '*',
      ),
      allow(
        [
          'athena:StartQueryExecution',
          'athena:GetQueryResults',
          'athena:DeleteNamedQuery',
          'athena:GetNamedQuery',
          'athena:ListQueryExecutions',
          'athena:StopQueryExecution',
          'athena:GetQueryResultsStream',
          'athena:ListNamedQueries',
          'athena:CreateNamedQuery',
          'athena:GetQueryExecution',
          'athena:BatchGetNamedQuery',
          'athena:BatchGetQueryExecution',
          'athena:GetWorkGroup',
        ],
        sub(`arn:\${AWS::Partition}:athena:${REGION_ACCOUNT}:workgroup/\${workgroupName}`, {
          workgroupName: 'WorkGroupName',
        }),
      ),
    ],
  },

  CloudFormationDescribeStacksPolicy: {
    description: 'Gives permission to describe CloudFormation stacks',
    parameters: [],
    statements: [
      allow(['cloudformation:DescribeStacks'], sub(`arn:\${AWS::Partition}:cloudformation:${REGION_ACCOUNT}:stack/*`)),
    ],
  },

  CloudWatchDashboardPolicy: {
    description: 'Gives permissions to put metrics to operate on CloudWatch Dashboards',
    parameters: [],
    statements: [
      allow(
        ['cloudwatch:GetDashboard', 'cloudwatch:ListDashboards', 'cloudwatch:PutDashboard', 'cloudwatch:ListMetrics'],
        '*',
      ),
    ],
  },

  CloudWatchDescribeAlarmHistoryPolicy: {
    description: 'Gives permissions to describe CloudWatch alarm history',
    parameters: [],
    statements: [allow(['cloudwatch:DescribeAlarmHistory'], '*')],
  },

  CloudWatchPutMetricPolicy: {
    description: 'Gives permissions to put metrics to CloudWatch',
    parameters: [],
    statements: [allow(['cloudwatch:PutMetricData'], '*')],
  },

  CodeCommitCrudPolicy: {
    description: 'Gives permissions to create/read/update/delete objects within a specific codecommit repository',
    parameters: ['RepositoryName'],
    statements: [allow(CODECOMMIT_CRUD_ACTIONS, codeCommitRepository())],
  },

  CodeCommitReadPolicy: {
    description: 'Gives permissions to read objects within a specific codecommit repository',
    parameters: ['RepositoryName'],
    statements: [allow(CODECOMMIT_READ_ACTIONS, codeCommitRepository())],
  },

  CodePipelineLambdaExecutionPolicy: {
    description: 'Gives permission for a Lambda function invoked by AWS CodePipeline to report back status of the job',
    parameters: [],
    statements: [allow(['codepipeline:PutJobSuccessResult', 'codepipeline:PutJobFailureResult'], '*')],
  },

  CodePipelineReadOnlyPolicy: {
    description: 'Gives read permissions to get details about a CodePipeline pipeline',
    parameters: ['PipelineName'],
    statements: [
      allow(
        ['codepipeline:ListPipelineExecutions'],
        sub(`arn:\${AWS::Partition}:codepipeline:${REGION_ACCOUNT}:\${pipelinename}`, { pipelinename: 'PipelineName' }),
      ),
    ],
  },

  ComprehendBasicAccessPolicy: {
    description: 'Gives access to Amazon Comprehend APIs for detecting entities, key phrases, languages and sentiments',
    parameters: [],
    statements: [
      allow(
        [
          'comprehend:BatchDetectKeyPhrases',
          'comprehend:DetectDominantLanguage',
          'comprehend:DetectEntities',
          'comprehend:BatchDetectEntities',
          'comprehend:DetectKeyPhrases',
          'comprehend:DetectSentiment',
          'comprehend:BatchDetectDominantLanguage',
          'comprehend:BatchDetectSentiment',
        ],
        '*',
      ),
    ],
  },

  CostExplorerReadOnlyPolicy: {
    description: 'Gives access to the readonly Cost Explorer APIs for billing history',
    parameters: [],
    statements: [
      allow(
        [
          'ce:GetCostAndUsage',
          'ce:GetDimensionValues',
          'ce:GetReservationCoverage',
          'ce:GetReservationPurchaseRecommendation',
          'ce:GetReservationUtilization',
          'ce:GetTags',
        ],
        '*',
      ),
    ],
  },

  DynamoDBBackupFullAccessPolicy: {
    description: 'Gives read/write permissions to DynamoDB on-demand backups for a table',
    parameters: ['TableName'],
    statements: [
      allow(['dynamodb:CreateBackup', 'dynamodb:DescribeContinuousBackups'], dynamoTable()),
      allow(['dynamodb:DeleteBackup', 'dynamodb:DescribeBackup', 'dynamodb:ListBackups'], dynamoTableBackups()),
    ],
  },

  DynamoDBCrudPolicy: {
    description: 'Gives CRUD access to a DynamoDB Table',
    parameters: ['TableName'],
    statements: [allow(DYNAMODB_CRUD_ACTIONS, [dynamoTable(), dynamoTableIndexes()])],
  },

  DynamoDBReadPolicy: {
    description: 'Gives read only access to a DynamoDB Table',
    parameters: ['TableName'],
    statements: [
      allow(
        ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'],
        [dynamoTable(), dynamoTableIndexes()],
      ),
    ],
  },

  DynamoDBReconfigurePolicy: {
    description: 'Gives access reconfigure to a DynamoDB Table',
    parameters: ['TableName'],
    statements: [allow(['dynamodb:UpdateTable'], dynamoTable())],
  },

  DynamoDBRestoreFromBackupPolicy: {
    description: 'Gives permissions to restore a table from backup',
    parameters: ['TableName'],
    statements: [
      allow(['dynamodb:RestoreTableFromBackup'], dynamoTableBackups()),
      allow(
        [
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:BatchWriteItem',
        ],
        dynamoTable(),
      ),
    ],
  },

  DynamoDBStreamReadPolicy: {
    description: 'Gives permission to describe and read a DynamoDB Stream and Records',
    parameters: ['StreamName', 'TableName'],
    statements: [
      allow(
        ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        sub(`arn:\${AWS::Partition}:dynamodb:${REGION_ACCOUNT}:table/\${tableName}/stream/\${streamName}`, {
          streamName: 'StreamName',
          tableName: 'TableName',
        }),
      ),
      allow(
        ['dynamodb:ListStreams'],
        sub(`arn:\${AWS::Partition}:dynamodb:${REGION_ACCOUNT}:table/\${tableName}/stream/*`, { tableName: 'TableName' }),
      ),
    ],
  },

  DynamoDBWritePolicy: {
    description: 'Gives write only access to a DynamoDB Table',
    parameters: ['TableName'],
    statements: [
      allow(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], [dynamoTable(), dynamoTableIndexes()]),
    ],
  },

  EC2CopyImagePolicy: {
    description: 'Gives permission to copy EC2 Images',
    parameters: ['ImageId'],
    statements: [
      allow(['ec2:CopyImage'], sub(`arn:\${AWS::Partition}:ec2:${REGION_ACCOUNT}:image/\${imageId}`, { imageId: 'ImageId' })),
    ],
  },

  EC2DescribePolicy: {
    description: 'Gives permission to describe EC2 instances',
    parameters: [],
    statements: [allow(['ec2:DescribeRegions', 'ec2:DescribeInstances'], '*')],
  },

  EFSWriteAccessPolicy: {
    description: 'Gives permission to mount an Elastic File System with write access',
    parameters: ['AccessPoint', 'FileSystem'],
    statements: [
      allow(
        ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        sub(`arn:\${AWS::Partition}:elasticfilesystem:${REGION_ACCOUNT}:file-system/\${FileSystem}`, {
          FileSystem: 'FileSystem',
        }),
        {
          StringEquals: {
            'elasticfilesystem:AccessPointArn': sub(
              `arn:\${AWS::Partition}:elasticfilesystem:${REGION_ACCOUNT}:access-point/\${AccessPoint}`,
              { AccessPoint: 'AccessPoint' },
            ),
          },
        },
      ),
    ],
  },

  EKSDescribePolicy: {
    description: 'Gives permission to describe or list Amazon EKS clusters',
    parameters: [],
    statements: [allow(['eks:DescribeCluster', 'eks:ListClusters'], '*')],
  },

  EcsRunTaskPolicy: {
    description: 'Gives permission to start a new task for a task definition',
    parameters: ['TaskDefinition'],
    statements: [
      allow(
        ['ecs:RunTask'],
        sub(`arn:\${AWS::Partition}:ecs:${REGION_ACCOUNT}:task-definition/\${taskDefinition}`, {
          taskDefinition: 'TaskDefinition',
        }),
      ),
    ],
  },

  ElasticMapReduceAddJobFlowStepsPolicy: {
    description: 'Gives permission to add new steps to a running cluster',
    parameters: ['ClusterId'],
    statements: [allow(['elasticmapreduce:AddJobFlowSteps'], emrCluster())],
  },

  ElasticMapReduceCancelStepsPolicy: {
    description: 'Gives permission to cancel a pending step or steps in a running cluster',
    parameters: ['ClusterId'],
    statements: [allow(['elasticmapreduce:CancelSteps'], emrCluster())],
  },

  ElasticMapReduceModifyInstanceFleetPolicy: {
    description: 'Gives permission to list details and modify capacities for instance fleets within a cluster',
    parameters: ['ClusterId'],
    statements: [allow(['elasticmapreduce:ModifyInstanceFleet', 'elasticmapreduce:ListInstanceFleets'], emrCluster())],
  },

  ElasticMapReduceModifyInstanceGroupsPolicy: {
    description: 'Gives permission to list details and modify settings for instance groups within a cluster',
    parameters: ['ClusterId'],
    statements: [allow(['elasticmapreduce:ModifyInstanceGroups', 'elasticmapreduce:ListInstanceGroups'], emrCluster())],
  },

  ElasticMapReduceSetTerminationProtectionPolicy: {
    description: 'Gives permission to set termination protection for a cluster',
    parameters: ['ClusterId'],
    statements: [allow(['elasticmapreduce:SetTerminationProtection'], emrCluster())],
  },

  ElasticMapReduceTerminateJobFlowsPolicy: {
    description: 'Gives permission to shut down a cluster',
    parameters: ['ClusterId'],
    statements: [allow(['elasticmapreduce:TerminateJobFlows'], emrCluster())],
  },

  ElasticsearchHttpPostPolicy: {
    description: 'Gives POST and PUT permissions to Elasticsearch',
    parameters: ['DomainName'],
    statements: [
      allow(
        ['es:ESHttpPost', 'es:ESHttpPut'],
        sub(`arn:\${AWS::Partition}:es:${REGION_ACCOUNT}:domain/\${domainName}/*`, { domainName: 'DomainName' }),
      ),
    ],
  },

  EventBridgePutEventsPolicy: {
    description: 'Gives permissions to send events to EventBridge',
    parameters: ['EventBusName'],
    statements: [
      allow(
        ['events:PutEvents'],
        sub(`arn:\${AWS::Partition}:events:${REGION_ACCOUNT}:event-bus/\${eventBusName}`, { eventBusName: 'EventBusName' }),
      ),
    ],
  },

  FilterLogEventsPolicy: {
    description: 'Gives permission to filter Log Events from a specified Log Group',
    parameters: ['LogGroupName'],
    statements: [
      allow(
        ['logs:FilterLogEvents'],
        sub(`arn:\${AWS::Partition}:logs:${REGION_ACCOUNT}:log-group:\${logGroupName}:log-stream:*`, {
          logGroupName: 'LogGroupName',
        }),
      ),
    ],
  },

  FirehoseCrudPolicy: {
    description: 'Gives permission to create, write to, update, and delete a Kinesis Firehose Delivery Stream',
    parameters: ['DeliveryStreamName'],
    statements: [
      allow(
        [
          'firehose:CreateDeliveryStream',
          'firehose:DeleteDeliveryStream',
          'firehose:DescribeDeliveryStream',
          'firehose:PutRecord',
          'firehose:PutRecordBatch',
          'firehose:UpdateDestination',
        ],
        firehoseStream(),
      ),
    ],
  },

  FirehoseWritePolicy: {
    description: 'Gives permission to write to a Kinesis Firehose Delivery Stream',
    parameters: ['DeliveryStreamName'],
    statements: [allow(['firehose:PutRecord', 'firehose:PutRecordBatch'], firehoseStream())],
  },

  KMSDecryptPolicy: {
    description: 'Gives permission to decrypt with KMS Key',
    parameters: ['KeyId'],
    statements: [allow(['kms:Decrypt'], kmsKey())],
  },

  KMSEncryptPolicy: {
    description: 'Gives permission to encrypt with KMS Key',
    parameters: ['KeyId'],
    statements: [allow(['kms:Encrypt'], kmsKey())],
  },

  // Listed in the SAM transform's definitions (and its policy template reference); not every
  // edition of the developer guide lists it yet.
  KMSEncryptPolicy_v2: {
    description: 'Gives permission to encrypt with KMS Key',
    parameters: ['KeyId'],
    statements: [
      allow(
        [
          'kms:Encrypt',
          'kms:GenerateDataKey',
          'kms:GenerateDataKeyWithoutPlaintext',
          'kms:GenerateDataKeyPair',
          'kms:GenerateDataKeyPairWithoutPlaintext',
        ],
        kmsKey(),
      ),
    ],
  },

  KinesisCrudPolicy: {
    description: 'Gives permission to create, publish and delete Kinesis Stream',
    parameters: ['StreamName'],
    statements: [
      allow(
        [
          'kinesis:AddTagsToStream',
          'kinesis:CreateStream',
          'kinesis:DecreaseStreamRetentionPeriod',
          'kinesis:DeleteStream',
          'kinesis:DescribeStream',
          'kinesis:DescribeStreamSummary',
          'kinesis:GetShardIterator',
          'kinesis:IncreaseStreamRetentionPeriod',
          'kinesis:ListTagsForStream',
          'kinesis:MergeShards',
          'kinesis:PutRecord',
          'kinesis:PutRecords',
          'kinesis:SplitShard',
          'kinesis:RemoveTagsFromStream',
        ],
        kinesisStream(),
      ),
    ],
  },

  KinesisStreamReadPolicy: {
    description: 'Gives permission to list and read a Kinesis stream',
    parameters: ['StreamName'],
    statements: [
      allow(['kinesis:ListStreams', 'kinesis:DescribeLimits'], sub(`arn:\${AWS::Partition}:kinesis:${REGION_ACCOUNT}:stream/*`)),
      allow(
        ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'],
        kinesisStream(),
      ),
    ],
  },

  LambdaInvokePolicy: {
    description: 'Gives permission to invoke a Lambda Function, Alias or Version',
    parameters: ['FunctionName'],
    statements: [
      allow(
        ['lambda:InvokeFunction'],
        sub(`arn:\${AWS::Partition}:lambda:${REGION_ACCOUNT}:function:\${functionName}*`, { functionName: 'FunctionName' }),
      ),
    ],
  },

  MobileAnalyticsWriteOnlyAccessPolicy: {
    description: 'Gives write only permissions to put event data for all application resources',
    parameters: [],
    statements: [allow(['mobileanalytics:PutEvents'], '*')],
  },

  OrganizationsListAccountsPolicy: {
    description: 'Gives readonly permission to list child account names and ids',
    parameters: [],
    statements: [allow(['organizations:ListAccounts'], '*')],
  },

  PinpointEndpointAccessPolicy: {
    description: 'Gives permissions to get and update endpoints for a Pinpoint application',
    parameters: ['PinpointApplicationId'],
    statements: [
      allow(
        ['mobiletargeting:GetEndpoint', 'mobiletargeting:UpdateEndpoint', 'mobiletargeting:UpdateEndpointsBatch'],
        sub(`arn:\${AWS::Partition}:mobiletargeting:${REGION_ACCOUNT}:apps/\${pinpointApplicationId}/endpoints/*`, {
          pinpointApplicationId: 'PinpointApplicationId',
        }),
      ),
    ],
  },

  PollyFullAccessPolicy: {
    description: 'Gives full access permissions to Polly lexicon resources',
    parameters: ['LexiconName'],
    statements: [
      allow(
        ['polly:GetLexicon', 'polly:DeleteLexicon'],
        [sub(`arn:\${AWS::Partition}:polly:${REGION_ACCOUNT}:lexicon/\${lexiconName}`, { lexiconName: 'LexiconName' })],
      ),
      allow(
        ['polly:DescribeVoices', 'polly:ListLexicons', 'polly:PutLexicon', 'polly:SynthesizeSpeech'],
        [sub(`arn:\${AWS::Partition}:polly:${REGION_ACCOUNT}:lexicon/*`)],
      ),
    ],
  },

  RekognitionDetectOnlyPolicy: {
    description: 'Gives permission to detect faces, labels and text',
    parameters: [],
    statements: [
      allow(
        [
          'rekognition:DetectFaces',
          'rekognition:DetectLabels',
          'rekognition:DetectModerationLabels',
          'rekognition:DetectText',
        ],
        '*',
      ),
    ],
  },

  RekognitionFacesManagementPolicy: {
    description: 'Gives permission to add, delete and search faces in a collection',
    parameters: ['CollectionId'],
    statements: [
      allow(
        [
          'rekognition:IndexFaces',
          'rekognition:DeleteFaces',
          'rekognition:SearchFaces',
          'rekognition:SearchFacesByImage',
          'rekognition:ListFaces',
        ],
        rekognitionCollection(),
      ),
    ],
  },

  RekognitionFacesPolicy: {
    description: 'Gives permission to compare and detect faces and labels',
    parameters: [],
    statements: [allow(['rekognition:CompareFaces', 'rekognition:DetectFaces'], '*')],
  },

  RekognitionLabelsPolicy: {
    description: 'Gives permission to detect object and moderation labels',
    parameters: [],
    statements: [allow(['rekognition:DetectLabels', 'rekognition:DetectModerationLabels'], '*')],
  },

  RekognitionNoDataAccessPolicy: {
    description: 'Gives permission to compare and detect faces and labels',
    parameters: ['CollectionId'],
    statements: [
      allow(
        [
          'rekognition:CompareFaces',
          'rekognition:DetectFaces',
          'rekognition:DetectLabels',
          'rekognition:DetectModerationLabels',
        ],
        rekognitionCollection(),
      ),
    ],
  },

  RekognitionReadPolicy: {
    description: 'Gives permission to list and search faces',
    parameters: ['CollectionId'],
    statements: [
      allow(
        [
          'rekognition:ListCollections',
          'rekognition:ListFaces',
          'rekognition:SearchFaces',
          'rekognition:SearchFacesByImage',
        ],
        rekognitionCollection(),
      ),
    ],
  },

  RekognitionWriteOnlyAccessPolicy: {
    description: 'Gives permission to create collection and index faces',
    parameters: ['CollectionId'],
    statements: [allow(['rekognition:CreateCollection', 'rekognition:IndexFaces'], rekognitionCollection())],
  },

  Route53ChangeResourceRecordSetsPolicy: {
    description: 'Gives permission to change resource record sets in Route 53',
    parameters: ['HostedZoneId'],
    statements: [
      allow(
        ['route53:ChangeResourceRecordSets'],
        sub('arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}', { HostedZoneId: 'HostedZoneId' }),
      ),
    ],
  },

  S3CrudPolicy: {
    description: 'Gives CRUD permissions to objects in the S3 Bucket',
    parameters: ['BucketName'],
    statements: [
      allow(
        [
          's3:GetObject',
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:PutObjectAcl',
          's3:GetLifecycleConfiguration',
          's3:PutLifecycleConfiguration',
          's3:DeleteObject',
        ],
        [s3Bucket(), s3Objects()],
      ),
    ],
  },

  S3FullAccessPolicy: {
    description: 'Gives full access permissions to objects in the S3 Bucket',
    parameters: ['BucketName'],
    statements: [
      allow(
        [
          's3:GetObject',
          's3:GetObjectAcl',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:PutObjectAcl',
          's3:DeleteObject',
          's3:DeleteObjectTagging',
          's3:DeleteObjectVersionTagging',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        [s3Objects()],
      ),
      allow(
        ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'],
        [s3Bucket()],
      ),
    ],
  },

  S3ReadPolicy: {
    description: 'Gives read permissions to objects in the S3 Bucket',
    parameters: ['BucketName'],
    statements: [
      allow(
        ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'],
        [s3Bucket(), s3Objects()],
      ),
    ],
  },

  S3WritePolicy: {
    description: 'Gives write permissions to objects in the S3 Bucket',
    parameters: ['BucketName'],
    statements: [
      allow(['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], [s3Bucket(), s3Objects()]),
    ],
  },

  SESBulkTemplatedCrudPolicy: {
    description: 'Gives permission to send email, templated email, templated bulk emails and verify identity',
    parameters: ['IdentityName'],
    statements: [
      allow(
        [
          'ses:GetIdentityVerificationAttributes',
          'ses:SendEmail',
          'ses:SendRawEmail',
          'ses:SendTemplatedEmail',
          'ses:SendBulkTemplatedEmail',
          'ses:VerifyEmailIdentity',
        ],
        sesIdentity(),
      ),
    ],
  },

  SESBulkTemplatedCrudPolicy_v2: {
    description: 'Gives permission to send email, templated email, templated bulk emails and verify identity',
    parameters: ['IdentityName', 'TemplateName'],
    statements: [
      allow(
        ['ses:SendEmail', 'ses:SendRawEmail', 'ses:SendTemplatedEmail', 'ses:SendBulkTemplatedEmail'],
        [
          sesIdentity(),
          sub(`arn:\${AWS::Partition}:ses:${REGION_ACCOUNT}:template/\${templateName}`, { templateName: 'TemplateName' }),
        ],
      ),
      allow(['ses:GetIdentityVerificationAttributes', 'ses:VerifyEmailIdentity'], '*'),
    ],
  },

  SESCrudPolicy: {
    description: 'Gives permission to send email and verify identity',
    parameters: ['IdentityName'],
    statements: [
      allow(
        ['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:VerifyEmailIdentity'],
        sesIdentity(),
      ),
    ],
  },

  SESEmailTemplateCrudPolicy: {
    description: 'Gives permission to create, get, list, update and delete SES Email Templates',
    parameters: [],
    statements: [
      allow(
        [
          'ses:CreateTemplate',
          'ses:GetTemplate',
          'ses:ListTemplates',
          'ses:UpdateTemplate',
          'ses:DeleteTemplate',
          'ses:TestRenderTemplate',
        ],
        '*',
      ),
    ],
  },

  SESSendBouncePolicy: {
    description: 'Gives SendBounce permission to a SES identity',
    parameters: ['IdentityName'],
    statements: [allow(['ses:SendBounce'], sesIdentity())],
  },

  SNSCrudPolicy: {
    description: 'Gives permissions to create, publish and subscribe to SNS topics',
    parameters: ['TopicName'],
    statements: [
      allow(
        ['sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Publish'],
        sub(`arn:\${AWS::Partition}:sns:${REGION_ACCOUNT}:\${topicName}*`, { topicName: 'TopicName' }),
      ),
    ],
  },

  SNSPublishMessagePolicy: {
    description: 'Gives permission to publish message to SNS Topic',
    parameters: ['TopicName'],
    statements: [
      allow(['sns:Publish'], sub(`arn:\${AWS::Partition}:sns:${REGION_ACCOUNT}:\${topicName}`, { topicName: 'TopicName' })),
    ],
  },

  SQSPollerPolicy: {
    description: 'Gives permissions to poll an SQS Queue',
    parameters: ['QueueName'],
    statements: [
      allow(
        [
          'sqs:ChangeMessageVisibility',
          'sqs:ChangeMessageVisibilityBatch',
          'sqs:DeleteMessage',
          'sqs:DeleteMessageBatch',
          'sqs:GetQueueAttributes',
          'sqs:ReceiveMessage',
        ],
        sqsQueue(),
      ),
    ],
  },

  SQSSendMessagePolicy: {
    description: 'Gives permission to send message to SQS Queue',
    parameters: ['QueueName'],
    // The wildcard covers sqs:SendMessage and sqs:SendMessageBatch.
    statements: [allow(['sqs:SendMessage*'], sqsQueue())],
  },

  SSMParameterReadPolicy: {
    description:
      'Gives access to a parameter to load secrets in this account. If not using default key, KMSDecryptPolicy will also be needed.',
    parameters: ['ParameterName'],
    statements: [
      allow(['ssm:DescribeParameters'], '*'),
      allow(
        SSM_PARAMETER_READ_ACTIONS,
        sub(`arn:\${AWS::Partition}:ssm:${REGION_ACCOUNT}:parameter/\${parameterName}`, { parameterName: 'ParameterName' }),
      ),
    ],
  },

  SSMParameterWithSlashPrefixReadPolicy: {
    description:
      'Gives access to a parameter to load secrets in this account. If not using default key, KMSDecryptPolicy will also be needed.',
    parameters: ['ParameterName'],
    statements: [
      allow(['ssm:DescribeParameters'], '*'),
      // No slash after `parameter`: the parameter name is expected to start with one.
      allow(
        SSM_PARAMETER_READ_ACTIONS,
        sub(`arn:\${AWS::Partition}:ssm:${REGION_ACCOUNT}:parameter\${parameterName}`, { parameterName: 'ParameterName' }),
      ),
    ],
  },

  SageMakerCreateEndpointConfigPolicy: {
    description: 'Gives permission to create an endpoint configuration in SageMaker',
    parameters: ['EndpointConfigName'],
    statements: [
      allow(
        ['sagemaker:CreateEndpointConfig'],
        sub(`arn:\${AWS::Partition}:sagemaker:${REGION_ACCOUNT}:endpoint-config/\${endpointConfigName}`, {
          endpointConfigName: 'EndpointConfigName',
        }),
      ),
    ],
  },

  SageMakerCreateEndpointPolicy: {
    description: 'Gives permission to create an endpoint in SageMaker',
    parameters: ['EndpointName'],
    statements: [
      allow(
        ['sagemaker:CreateEndpoint'],
        sub(`arn:\${AWS::Partition}:sagemaker:${REGION_ACCOUNT}:endpoint/\${endpointName}`, { endpointName: 'EndpointName' }),
      ),
    ],
  },

  ServerlessRepoReadWriteAccessPolicy: {
    description:
      'Gives access permissions to create and list applications in the AWS Serverless Application Repository service',
    parameters: [],
    statements: [
      allow(
        [
          'serverlessrepo:CreateApplication',
          'serverlessrepo:CreateApplicationVersion',
          'serverlessrepo:UpdateApplication',
          'serverlessrepo:GetApplication',
          'serverlessrepo:ListApplications',
          'serverlessrepo:ListApplicationVersions',
          'serverlessrepo:ListApplicationDependencies',
        ],
        [sub(`arn:\${AWS::Partition}:serverlessrepo:${REGION_ACCOUNT}:applications/*`)],
      ),
    ],
  },

  StepFunctionsCallbackPolicy: {
    description: 'Gives permission to implement callback tasks in Step Functions',
    parameters: ['StateMachineName'],
    statements: [
      allow(['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'], stateMachine()),
    ],
  },

  StepFunctionsExecutionPolicy: {
    description: 'Gives permission to start a Step Functions state machine execution',
    parameters: ['StateMachineName'],
    statements: [allow(['states:StartExecution'], stateMachine())],
  },

  // Listed in the SAM transform's definitions (and its policy template reference); not every
  // edition of the developer guide lists it yet.
  StepFunctionsExecutionPolicy_v2: {
    description: 'Gives permission to start a Step Functions state machine execution',
    parameters: ['StateMachineName'],
    statements: [allow(['states:StartExecution', 'states:StartSyncExecution'], stateMachine())],
  },

  TextractDetectAnalyzePolicy: {
    description: 'Gives access to detect and analyze documents with Textract',
    parameters: [],
    statements: [
      allow(
        [
          'textract:DetectDocumentText',
          'textract:StartDocumentTextDetection',
          'textract:StartDocumentAnalysis',
          'textract:AnalyzeDocument',
        ],
        '*',
      ),
    ],
  },

  TextractGetResultPolicy: {
    description: 'Gives access to get detected and analyzed documents from Textract',
    parameters: [],
    statements: [allow(['textract:GetDocumentTextDetection', 'textract:GetDocumentAnalysis'], '*')],
  },

  TextractPolicy: {
    description: 'Gives full access to Textract',
    parameters: [],
    statements: [allow(['textract:*'], '*')],
  },

  VPCAccessPolicy: {
    description: 'Gives access to create, delete, describe and detach ENIs',
    parameters: [],
    statements: [
      allow(
        [
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DetachNetworkInterface',
        ],
        '*',
      ),
    ],
  },
};
