/**
 * `iam-action-granted-never-used` counts what a statement can grant: a statement naming only
 * resources grants none of the actions IAM lets a policy give only on `*`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { serviceActions } from '../../src/iam/action-catalog.js';
import { iamActionGrantedNeverUsed } from '../../src/rules/privilege/iam-action-granted-never-used.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function template(resource: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
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
              Action: logs:*
              Resource: ${resource}
`;
}

async function unusedCount(resource: string): Promise<number> {
  const result = await scan(project({ 'template.yaml': template(resource) }), { noCache: true, rules: [iamActionGrantedNeverUsed] });
  assert.equal(result.findings.length, 1);
  return Number(/grants (\d+) actions/.exec(result.findings[0]!.message)?.[1]);
}

describe('iam-action-granted-never-used scope', () => {
  it('leaves out the actions only `*` can grant when the statement names a log group, not when it grants on `*`', async () => {
    const all = serviceActions('logs');
    const scoped = all.filter((a) => a.resourceScoped).length;
    assert.ok(scoped < all.length, 'the catalogue has logs actions that only `*` can grant');
    const onGroup = await unusedCount("arn:aws:logs:*:*:log-group:/aws/lambda/quiet*");
    const onEverything = await unusedCount("'*'");
    // The platform's own log writes are used either way; the rest of the service is counted.
    assert.equal(onEverything - onGroup, all.length - scoped);
  });
});
