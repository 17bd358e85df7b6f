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
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

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

  it('judges a template on one table by the calls on that table, not by those on the tables beside it', async () => {
    const crud = (table: string) => `        - DynamoDBCrudPolicy:\n            TableName: !Ref ${table}\n`;
    const table = '    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n';
    const dir = project({
      'template.yaml':
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n' + table + '  Payments:\n' + table + '  Stock:\n' + table +
        '  Saga:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      CodeUri: src/\n      Environment:\n        Variables:\n          ORDERS: !Ref Orders\n          PAYMENTS: !Ref Payments\n          STOCK: !Ref Stock\n      Policies:\n' +
        crud('Orders') + crud('Payments') + crud('Stock'),
      'src/app.py':
        'import os\nimport boto3\n\ndynamodb = boto3.resource("dynamodb")\norders = dynamodb.Table(os.environ["ORDERS"])\npayments = dynamodb.Table(os.environ["PAYMENTS"])\nstock = dynamodb.Table(os.environ["STOCK"])\n\n' +
        'def handler(event, context):\n    item = stock.get_item(Key={"id": event["id"]})\n    stock.update_item(Key={"id": event["id"]}, UpdateExpression="SET n = n - :one", ExpressionAttributeValues={":one": 1})\n    payments.put_item(Item={"id": event["id"]})\n    payments.update_item(Key={"id": event["id"]}, UpdateExpression="SET paid = :t", ExpressionAttributeValues={":t": True})\n    orders.put_item(Item={"id": event["id"]})\n    return item\n',
    });
    const result = await scan(dir, { noCache: true, rules: [iamActionGrantedNeverUsed] });
    const byTable = new Map(result.findings.map((f) => [/ on (\w+) that /.exec(f.message)?.[1], f.message]));
    assert.deepEqual([...byTable.keys()].sort(), ['Orders', 'Payments', 'Stock']);
    assert.match(byTable.get('Orders')!, /DynamoDBCrudPolicy 9 actions on Orders that the code of Saga never calls on it, so the code may read and delete where it only writes: .*dynamodb:GetItem.* and 1 more\. DynamoDBWritePolicy grants what it calls and 2 of these \(dynamodb:BatchWriteItem, dynamodb:UpdateItem\)/);
    assert.match(byTable.get('Payments')!, /DynamoDBCrudPolicy 8 actions on Payments that the code of Saga never calls on it, so the code may read and delete where it only writes: .*dynamodb:GetItem/);
    assert.doesNotMatch(byTable.get('Payments')!, /dynamodb:UpdateItem/);
    assert.match(byTable.get('Stock')!, /DynamoDBCrudPolicy 8 actions on Stock that the code of Saga never calls on it, so the code may delete where it only reads and writes: .*dynamodb:PutItem/);
    assert.doesNotMatch(byTable.get('Stock')!, /dynamodb:(GetItem|UpdateItem)\b/);
  });
});
