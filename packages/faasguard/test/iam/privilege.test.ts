/**
 * Capabilities of actions, resource targets, escalation paths and the breadth of AWS managed
 * policies, decided from their documents.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capabilityOf } from '../../src/iam/action-capabilities.js';
import { managedPolicyBreadth } from '../../src/iam/broad-managed-policies.js';
import { expandActions } from '../../src/iam/expand-actions.js';
import { escalationsOf } from '../../src/iam/privilege-escalation.js';
import { resourceTarget } from '../../src/iam/resource-target.js';
import { fullyGrantedServices, rolePermissions } from '../../src/iam/role-permissions.js';
import { awsManagedPolicyForTest, emptyModel, roleWith } from './iam-helpers.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { Composite, ResourceRef, Unknown } from '../../src/model/value.js';

function capability(action: string): string | undefined {
  const [a] = expandActions([action]).actions;
  return a ? capabilityOf(a) : 'not in catalogue';
}

describe('capabilityOf', () => {
  it('classifies data, IAM, Lambda and STS actions', () => {
    assert.equal(capability('s3:DeleteObject'), 'delete-data');
    assert.equal(capability('s3:PutObject'), 'write-data');
    assert.equal(capability('s3:GetObject'), 'read-all-data');
    assert.equal(capability('s3:GetBucketLocation'), undefined);
    assert.equal(capability('iam:PassRole'), 'pass-role');
    assert.equal(capability('iam:AttachRolePolicy'), 'manage-iam');
    assert.equal(capability('iam:GetRole'), undefined);
    assert.equal(capability('lambda:UpdateFunctionCode'), 'modify-functions');
    assert.equal(capability('lambda:InvokeFunction'), 'invoke-any-function');
    assert.equal(capability('sts:AssumeRole'), 'assume-roles');
  });

  it('counts starting, rewriting and deciding workflows, not a durable function\'s own checkpoints', () => {
    for (const a of ['states:StartExecution', 'states:StartSyncExecution', 'states:UpdateStateMachine', 'states:StopExecution', 'lambda:SendDurableExecutionCallbackSuccess', 'lambda:StopDurableExecution']) {
      assert.equal(capability(a), 'control-workflows', a);
    }
    for (const a of ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState', 'states:DescribeExecution']) assert.equal(capability(a), undefined, a);
  });

  it('does not count telemetry, networking or queue and stream consumption', () => {
    for (const a of ['logs:PutLogEvents', 'xray:PutTraceSegments', 'ec2:CreateNetworkInterface', 'sqs:DeleteMessage', 'sqs:ReceiveMessage', 'kinesis:GetRecords', 'dynamodb:GetRecords']) {
      assert.equal(capability(a), undefined, a);
    }
    assert.equal(capability('sqs:DeleteQueue'), 'delete-data');
  });

  it('reads a listing the catalogue files under a writing level as the listing it is', () => {
    // `backup:ListIndexedRecoveryPointsForSearch` is "Permissions management" in the catalogue.
    assert.equal(capability('backup:ListIndexedRecoveryPointsForSearch'), undefined);
    assert.equal(capability('backup:DeleteRecoveryPoint'), 'delete-data');
  });
});

describe('resourceTarget', () => {
  const index = new ModelIndex(emptyModel());
  it('sees wildcards in ARNs', () => {
    assert.equal(resourceTarget('*', index).kind, 'any');
    assert.equal(resourceTarget('arn:aws:s3:::*/*', index).kind, 'any');
    assert.equal(resourceTarget('arn:aws:s3:::my-bucket/*', index).kind, 'external');
    // Read against the service's ARN formats: `table/<name>` holds a `/`, `secret:<name>` does not.
    assert.equal(resourceTarget('arn:aws:dynamodb:us-east-1:1:*/*', index).kind, 'any');
    assert.equal(resourceTarget('arn:aws:secretsmanager:us-east-1:1:*/*', index).kind, 'external');
    assert.equal(resourceTarget('arn:aws:secretsmanager:us-east-1:1:secret:*', index).kind, 'any');
    assert.equal(resourceTarget(new Composite(['arn:aws:dynamodb:', new Unknown('region'), ':', new Unknown('account'), ':table/*']), index).kind, 'any');
    assert.equal(resourceTarget(new Composite(['arn:aws:dynamodb:us-east-1:1:table/', new Unknown('parameter')]), index).kind, 'unknown');
  });

  it('points references at the model', () => {
    const t = resourceTarget(new Composite([new ResourceRef('t/Uploads', 'Uploads', 'Arn'), '/*']), index);
    assert.deepEqual([t.kind, t.id], ['model', 't/Uploads']);
  });
});

describe('escalationsOf', () => {
  it('needs every action of a path on every resource', () => {
    const model = emptyModel();
    const both = roleWith(model, 'Both', [{ Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' }]);
    const scoped = roleWith(model, 'Scoped', [{ Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/worker' }, { Action: 'lambda:CreateFunction', Resource: '*' }]);
    const index = new ModelIndex(model);
    assert.deepEqual(escalationsOf(rolePermissions(both, index)).map((e) => e.path.id), ['pass-role-lambda']);
    assert.deepEqual(escalationsOf(rolePermissions(scoped, index)), []);
  });
});

describe('managedPolicyBreadth', () => {
  const broad = ['AdministratorAccess', 'AmazonS3FullAccess', 'AWSLambda_FullAccess', 'AWSLambdaRole', 'AmazonDynamoDBFullAccess', 'AmazonS3ReadOnlyAccess', 'IAMFullAccess'];
  const narrow = ['AWSLambdaBasicExecutionRole', 'AWSXRayDaemonWriteAccess', 'AWSLambdaVPCAccessExecutionRole', 'AWSLambdaSQSQueueExecutionRole', 'AWSLambdaKinesisExecutionRole', 'AWSLambdaDynamoDBExecutionRole', 'AWSLambdaMSKExecutionRole'];

  for (const name of broad) {
    it(`calls ${name} broad`, () => assert.ok(breadthOf(name)));
  }
  for (const name of narrow) {
    it(`does not call ${name} broad`, () => assert.equal(breadthOf(name), undefined));
  }

  it('says why', () => {
    assert.equal(breadthOf('AdministratorAccess')?.admin, true);
    assert.deepEqual(breadthOf('AmazonDynamoDBFullAccess')?.fullServices.includes('dynamodb'), true);
    assert.deepEqual(breadthOf('AWSLambdaRole')?.capabilities, ['invoke-any-function']);
  });
});

function breadthOf(name: string): ReturnType<typeof managedPolicyBreadth> {
  const model = emptyModel();
  const policy = awsManagedPolicyForTest(name);
  const role = roleWith(model, 'R', [], [policy]);
  return managedPolicyBreadth(rolePermissions(role, new ModelIndex(model)), policy);
}

describe('fullyGrantedServices', () => {
  const granted = (statements: Array<Record<string, unknown>>): string[] => {
    const model = emptyModel();
    return fullyGrantedServices(rolePermissions(roleWith(model, 'R', statements), new ModelIndex(model)).statements);
  };
  const sqsActions = expandActions(['sqs:*']).actions.map((a) => `sqs:${a.name}`);

  it('finds a service granted whole by one statement, on every resource only', () => {
    assert.deepEqual(granted([{ Action: ['s3:*', 'sqs:SendMessage'], Resource: '*' }]), ['s3']);
    assert.deepEqual(granted([{ Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }]), []);
    assert.ok(granted([{ Action: '*', Resource: '*' }]).length > 300);
    assert.ok(granted([{ Action: '*', Resource: '*' }]).includes('dynamodb'));
  });

  it('adds up statements that each grant part of a service', () => {
    const half = Math.floor(sqsActions.length / 2);
    const first = sqsActions.slice(0, half);
    const rest = sqsActions.slice(half);
    assert.deepEqual(granted([{ Action: first, Resource: '*' }]), []);
    assert.deepEqual(granted([{ Action: first, Resource: '*' }, { Action: rest, Resource: '*' }]), ['sqs']);
    assert.deepEqual(granted([{ Action: first, Resource: '*' }, { Action: rest.slice(1), Resource: '*' }, { Action: first, Resource: '*' }]), []);
    assert.deepEqual(granted([{ Action: first, Resource: '*' }, { Action: rest, Resource: 'arn:aws:sqs:us-east-1:1:q' }]), []);
  });
});

describe('rolePermissions and NotResource', () => {
  const statementsOf = (statements: Array<Record<string, unknown>>) => {
    const model = emptyModel();
    return rolePermissions(roleWith(model, 'R', statements), new ModelIndex(model)).statements;
  };

  it('drops a statement whose NotResource is every resource: it grants nothing', () => {
    assert.deepEqual(statementsOf([{ Action: '*', NotResource: '*' }]), []);
    assert.deepEqual(statementsOf([{ Action: 's3:*', NotResource: ['arn:aws:s3:::logs/*', ' * '] }]), []);
  });

  it('keeps one that excludes only some resources, as granting on everything else', () => {
    const [s] = statementsOf([{ Action: '*', NotResource: 'arn:aws:s3:::audit/*' }]);
    assert.ok(s);
    assert.equal(s.admin, true);
    assert.deepEqual(s.resources.map((r) => r.kind), ['any']);
  });
});
