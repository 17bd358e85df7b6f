/**
 * SAM policy templates judged against the code: the narrower template derived from the templates'
 * definitions, and the finding's words on the rule's fixture.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { narrowerTemplates } from '../../src/iam/sam-template-alternatives.js';
import { iamActionGrantedNeverUsed } from '../../src/rules/privilege/iam-action-granted-never-used.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { templateReview } from '../../src/iam/sam-template-review.js';
import type { GrantingStatement } from '../../src/iam/role-permissions.js';
import type { ExpandedAction } from '../../src/iam/expand-actions.js';

/** DynamoDBCrudPolicy's review for a statement granting `granted` (`service:Name`) and code that calls `used` (lower case). */
function reviewOf(granted: string[], used: string[]): ReturnType<typeof templateReview> {
  const actions: ExpandedAction[] = granted.map((id) => {
    const [service, name] = id.split(':') as [string, string];
    return { service, name, accessLevel: /^(Get|BatchGet|Query|Scan)/.test(name) ? 'Read' : 'Write', resourceScoped: true };
  });
  return templateReview('DynamoDBCrudPolicy', [{ actions } as unknown as GrantingStatement], new Set(used));
}

describe('narrower SAM policy templates', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['DynamoDBCrudPolicy', ['dynamodb:putitem'], ['DynamoDBWritePolicy']],
    ['DynamoDBCrudPolicy', ['dynamodb:getitem', 'dynamodb:query'], ['DynamoDBReadPolicy']],
    ['DynamoDBCrudPolicy', ['dynamodb:getitem', 'dynamodb:putitem'], ['DynamoDBReadPolicy', 'DynamoDBWritePolicy']],
    ['S3FullAccessPolicy', ['s3:putobject'], ['S3WritePolicy']],
    ['S3FullAccessPolicy', ['s3:getobject', 's3:putobject'], ['S3ReadPolicy', 'S3WritePolicy']],
    ['S3CrudPolicy', ['s3:getobject'], ['S3ReadPolicy']],
    // Deleting needs the whole bundle: nothing narrower grants it.
    ['DynamoDBCrudPolicy', ['dynamodb:deleteitem'], []],
    ['SQSSendMessagePolicy', ['sqs:sendmessage'], []],
  ];
  for (const [template, needed, want] of cases) {
    it(`${template} for ${needed.join(', ')} → ${want.join(' with ') || 'none'}`, () => assert.deepEqual(narrowerTemplates(template, new Set(needed)), want));
  }
});

describe('SAM policy templates in iam-action-granted-never-used', () => {
  it('names what the template adds, the narrower template, which listed actions it still grants and which of them still deletes (BatchWriteItem)', async () => {
    const result = await scan(path.join(FIXTURES, 'rules/iam-action-granted-never-used/fail'), { rules: [iamActionGrantedNeverUsed] });
    const byFunction = new Map(result.findings.map((f) => [f.subject?.logicalId, f.message]));
    assert.match(byFunction.get('SaveOrder') ?? '', /grants through DynamoDBCrudPolicy 9 actions on Orders .* so the code may read and delete where it only writes: .*dynamodb:DeleteItem.*DynamoDBWritePolicy grants what it calls and 2 of these \(dynamodb:BatchWriteItem, dynamodb:UpdateItem\), without reading; dynamodb:BatchWriteItem can still delete\.$/);
    assert.match(byFunction.get('Thumbnails') ?? '', /through S3FullAccessPolicy .* so the code may delete where it only reads and writes: .*s3:DeleteObject.* S3ReadPolicy with S3WritePolicy grant what it calls and 6 of these \(s3:GetBucketLocation, s3:GetLifecycleConfiguration, s3:GetObjectVersion, s3:ListBucket, s3:PutLifecycleConfiguration, s3:PutObjectAcl\), without deleting\.$/);
  });

  it('takes dynamodb:BatchWriteItem for a delete: code that deletes through it gains nothing from DeleteItem', () => {
    assert.deepEqual(reviewOf(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem'], ['dynamodb:batchwriteitem', 'dynamodb:getitem']), undefined);
    assert.equal(reviewOf(['dynamodb:BatchWriteItem', 'dynamodb:PutItem'], ['dynamodb:putitem'])?.gained, 'delete');
  });
});
