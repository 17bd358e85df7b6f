/**
 * `iam-action-granted-never-used` counts what a statement can grant: a statement naming only
 * resources grants none of the actions IAM lets a policy give only on `*`, nor those that act on
 * resource types its ARNs cannot name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { serviceActions } from '../../src/iam/action-catalog.js';
import { iamActionGrantedNeverUsed } from '../../src/rules/privilege/iam-action-granted-never-used.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** A function whose code calls nothing, granted `actions` on `resource`; the statement starts on line 15. */
function template(actions: string, resource: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: orders
  Quiet:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return {"ok": True}
      Policies:
        - Statement:
            - Effect: Allow
              Action: ${actions}
              Resource: ${resource}
  Store:
    Type: AWS::S3::Bucket
`;
}

async function findings(actions: string, resource: string): Promise<{ message: string; line: number }[]> {
  const result = await scan(project({ 'template.yaml': template(actions, resource) }), { noCache: true, rules: [iamActionGrantedNeverUsed] });
  return result.findings.map((f) => ({ message: f.message, line: f.location.line }));
}

async function unusedListed(actions: string, resource: string): Promise<string> {
  const found = await findings(actions, resource);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, 17);
  return found[0]!.message.slice(found[0]!.message.indexOf('never calls: ') + 'never calls: '.length);
}

describe('iam-action-granted-never-used scope', () => {
  it('leaves out the actions only `*` can grant when the statement names a log group, not when it grants on `*`', async () => {
    const all = serviceActions('logs');
    const scoped = all.filter((a) => a.resourceScoped).length;
    assert.ok(scoped < all.length, 'the catalogue has logs actions that only `*` can grant');
    const count = async (resource: string) => Number(/grants (\d+) actions/.exec((await findings('logs:*', resource))[0]!.message)?.[1]);
    const onGroup = await count('arn:aws:logs:*:*:log-group:/aws/lambda/quiet*');
    const onEverything = await count("'*'");
    // Besides those, the actions on deliveries, destinations, anomaly detectors … are left out.
    assert.ok(onEverything - onGroup > all.length - scoped);
  });

  it('counts only the actions that act on a log group or its streams when the statement names a log group', async () => {
    const actions = '[logs:CreateDelivery, logs:DeleteLogGroup, logs:DescribeLogGroups]';
    assert.equal(await unusedListed(actions, 'arn:aws:logs:*:*:log-group:/aws/lambda/quiet*:*'), 'logs:DeleteLogGroup.');
    assert.equal(await unusedListed(actions, "'*'"), 'logs:CreateDelivery, logs:DeleteLogGroup, logs:DescribeLogGroups.');
  });

  it("tells a bucket's actions from its objects' by the ARN", async () => {
    const actions = '[s3:GetObject, s3:PutBucketPolicy, s3:CreateAccessGrant]';
    assert.equal(await unusedListed(actions, 'arn:aws:s3:::my-bucket/*'), 's3:GetObject.');
    assert.equal(await unusedListed(actions, 'arn:aws:s3:::my-bucket'), 's3:PutBucketPolicy.');
  });

  it("reads a template resource's ARN in its type's format: rule actions on an event bus grant nothing", async () => {
    const rules = '[events:DeleteRule, events:DisableRule]';
    assert.deepEqual(await findings(rules, '!GetAtt Bus.Arn'), []);
    assert.equal(await unusedListed('[events:DeleteRule, events:PutEvents]', '!GetAtt Bus.Arn'), 'events:PutEvents.');
  });

  it("reads a bucket's ARN as a bucket's, and what follows it as objects", async () => {
    const actions = '[s3:GetObject, s3:PutBucketPolicy]';
    assert.equal(await unusedListed(actions, '!GetAtt Store.Arn'), 's3:PutBucketPolicy.');
    assert.equal(await unusedListed(actions, "!Sub '${Store.Arn}/*'"), 's3:GetObject.');
  });

  it('keeps every action that names resources when the ARN cannot be spelled', async () => {
    // `!Ref` of an event bus is its name: what the statement names is not known here.
    assert.equal(await unusedListed('[events:DeleteRule, events:PutEvents]', '!Ref Bus'), 'events:DeleteRule, events:PutEvents.');
  });
});
