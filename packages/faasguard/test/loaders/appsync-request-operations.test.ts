/** `requestOperations` (loaders/cloudformation/appsync-request-operations.ts): the DynamoDB operations an AppSync request's code sends, read from its text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestOperations } from '../../src/loaders/cloudformation/appsync-request-operations.js';

describe('requestOperations', () => {
  it('reads the operation a VTL template or a JavaScript request object writes', () => {
    assert.deepEqual(requestOperations('{ "version": "2018-05-29", "operation" : "DeleteItem", "key": {} }'), { operations: ['DeleteItem'], createsOnly: false });
    assert.deepEqual(requestOperations("export function request(ctx) { return { operation: 'UpdateItem', key: {} }; }"), { operations: ['UpdateItem'], createsOnly: false });
    const transaction = '{ "operation": "TransactWriteItems", "transactItems": [ { "operation": "PutItem" }, { "operation": "DeleteItem" } ] }';
    assert.deepEqual(requestOperations(transaction).operations, ['DeleteItem', 'PutItem', 'TransactWriteItems']);
  });

  it('reads the helpers of @aws-appsync/utils/dynamodb by the names the code imports them under', () => {
    const namespace = "import * as ddb from '@aws-appsync/utils/dynamodb';\nexport const request = (ctx) => ddb.remove({ key: ctx.args });\nconst later = () => ddb.get({ key: {} });";
    assert.deepEqual(requestOperations(namespace).operations, ['DeleteItem', 'GetItem']);
    const named = "import { put as putItem, scan } from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) { return putItem({ key: ctx.args }); }";
    assert.deepEqual(requestOperations(named).operations, ['PutItem']);
  });

  it('counts no call of a name the helpers module did not give', () => {
    assert.deepEqual(requestOperations("import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return remove(ctx); }\nconst x = db.put(1);").operations, []);
    assert.deepEqual(requestOperations("import * as ddb from '@aws-appsync/utils/dynamodb';\nddb.constructor(); ddb.toString();").operations, []);
  });

  it('says when every put makes a new key or asks that the item not be there yet', () => {
    assert.equal(requestOperations('{ "operation": "PutItem", "key": { "id": $util.dynamodb.toDynamoDBJson($util.autoId()) } }').createsOnly, true);
    assert.equal(requestOperations("return ddb.put({ key, item, condition: { id: { attributeExists: false } } });").createsOnly, true);
    assert.equal(requestOperations('{ "operation": "PutItem", "condition": { "expression": "attribute_not_exists(id)" } }').createsOnly, true);
  });
});
