const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  const id = event.pathParameters.id;
  const result = await db.send(new GetCommand({ TableName: process.env.ORDERS_TABLE, Key: { id } }));
  if (!result.Item) return { statusCode: 404, body: '{"message":"not found"}' };
  return { statusCode: 200, body: JSON.stringify(result.Item) };
};
