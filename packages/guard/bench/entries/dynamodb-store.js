import { guard } from '@faasguard/guard';
import { DynamoDBRateLimitStore } from '@faasguard/guard/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const handler = guard(async () => ({ statusCode: 200 }), {
  allow: ['apigw-http'],
  rateLimit: { limit: 10, intervalMs: 1000, store: new DynamoDBRateLimitStore({ client: new DynamoDBClient({}), tableName: 'rl' }) },
});
