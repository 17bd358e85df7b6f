export { DynamoDBRateLimitStore, RateLimitContentionError } from './rate-limit/dynamodb-store.js';
export type { DynamoDBStoreOptions, DynamoDBSender } from './rate-limit/dynamodb-store.js';
