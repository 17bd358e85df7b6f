/**
 * `faasguard policy` on the example app: the least privilege each function's code needs.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';

const VULNERABLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');
const PUBLIC_ACL = path.join(FIXTURES, 'rules/code-public-object-acl/fail');
const ORDERS_TABLE_ARN = 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${OrdersTable}';

describe('faasguard policy', () => {
  it('gives CreateOrderFunction dynamodb:PutItem on the OrdersTable, as IAM JSON', async () => {
    const { code, out } = await runCli('policy', VULNERABLE, '--function', 'CreateOrderFunction');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), [
      {
        function: 'CreateOrderFunction',
        analyzed: true,
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [ORDERS_TABLE_ARN] }] },
        undetermined: [],
      },
    ]);
  });

  it('lists every function, those without AWS calls with no statement', async () => {
    const { out } = await runCli('policy', VULNERABLE);
    const got = (JSON.parse(out) as Array<{ function: string; policy: { Statement: Array<{ Action: string[] }> } }>).map((p) => [p.function, p.policy.Statement.flatMap((s) => s.Action)]);
    assert.deepEqual(got, [
      ['CreateOrderFunction', ['dynamodb:PutItem']],
      ['GetOrderFunction', ['dynamodb:GetItem']],
      ['ProcessUploadFunction', ['s3:PutObject']],
      ['PaymentWebhookFunction', []],
    ]);
  });

  it('prints a SAM Policies snippet', async () => {
    const { out } = await runCli('policy', VULNERABLE, '--function', 'CreateOrderFunction', '--format', 'sam');
    assert.equal(out, ['# CreateOrderFunction', 'Policies:', '  - Statement:', '    - Effect: Allow', '      Action:', '        - dynamodb:PutItem', '      Resource:', `        - !Sub '${ORDERS_TABLE_ARN}'`, ''].join('\n'));
  });

  it('prints Serverless Framework iamRoleStatements', async () => {
    const { out } = await runCli('policy', VULNERABLE, '--function', 'GetOrderFunction', '--format', 'serverless');
    assert.equal(out, ['# GetOrderFunction', 'iamRoleStatements:', '  - Effect: Allow', '    Action:', '      - dynamodb:GetItem', '    Resource:', `      - !Sub '${ORDERS_TABLE_ARN}'`, ''].join('\n'));
  });

  it('adds s3:PutObjectAcl for object writes that set an ACL (JavaScript and boto3 ExtraArgs)', async () => {
    const { code, out } = await runCli('policy', PUBLIC_ACL);
    assert.equal(code, 0);
    const got = (JSON.parse(out) as Array<{ function: string; policy: { Statement: Array<{ Action: string[] }> } }>).map((p) => [p.function, p.policy.Statement.flatMap((s) => s.Action)]);
    assert.deepEqual(got, [
      ['CreateInvoice', ['s3:PutObject', 's3:PutObjectAcl']],
      ['Export', ['s3:PutObject', 's3:PutObjectAcl']],
    ]);
  });

  it('rejects an unknown function and an unknown format', async () => {
    assert.equal((await runCli('policy', VULNERABLE, '--function', 'Nope')).code, 2);
    assert.equal((await runCli('policy', VULNERABLE, '--format', 'xml')).code, 2);
  });
});
