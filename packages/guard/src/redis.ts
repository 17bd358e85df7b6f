export { RedisRateLimitStore, TOKEN_BUCKET_SCRIPT } from './rate-limit/redis-store.js';
export type { RedisScriptClient, RedisStoreOptions } from './rate-limit/redis-store.js';
