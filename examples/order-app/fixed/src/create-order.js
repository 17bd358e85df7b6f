const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const { randomUUID } = require('node:crypto');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  const claims = event.requestContext.authorizer.claims;
  const body = JSON.parse(event.body || '{}');
  const order = { id: randomUUID(), customer: claims.sub, items: Array.isArray(body.items) ? body.items.slice(0, 50) : [] };
  await db.send(new PutCommand({ TableName: process.env.ORDERS_TABLE, Item: order }));
  return { statusCode: 201, body: JSON.stringify({ id: order.id }) };
};
