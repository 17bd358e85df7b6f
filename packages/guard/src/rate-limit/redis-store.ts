import { createHash } from 'node:crypto';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.js';
import { bucketTtlMs } from './token-bucket.js';

/**
 * The two commands the store needs, with ioredis's signatures, so that an
 * `ioredis` client (or cluster) is accepted as it is. For `redis`
 * (node-redis), wrap `evalSha`/`eval`; the README shows how.
 */
export interface RedisScriptClient {
  evalsha(sha1: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export interface RedisStoreOptions {
  readonly client: RedisScriptClient;
  /** Prefix of every bucket key. Default `faasguard:rl:`. */
  readonly prefix?: string;
}

/**
 * The token bucket of `token-bucket.ts`, run inside Redis so that the read,
 * the refill and the write are one atomic step and one round trip. The
 * clock is the server's (`TIME`), so instances with skewed clocks agree.
 */
export const TOKEN_BUCKET_SCRIPT = `
local limit = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = limit
  ts = now
end
local rate = limit / interval
tokens = math.min(limit, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], ttl)
return {allowed, math.floor(tokens), retry}
`;

const SCRIPT_SHA = createHash('sha1').update(TOKEN_BUCKET_SCRIPT).digest('hex');

/** Rate-limit buckets in Redis, shared by every instance of the function. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: RedisScriptClient;
  private readonly prefix: string;

  constructor(options: RedisStoreOptions) {
    this.client = options.client;
    this.prefix = options.prefix ?? 'faasguard:rl:';
  }

  async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const args = [this.prefix + key, rule.limit, rule.intervalMs, bucketTtlMs(rule)] as const;
    let reply: unknown;
    try {
      reply = await this.client.evalsha(SCRIPT_SHA, 1, ...args);
    } catch (error) {
      // First call against this server (or after SCRIPT FLUSH): EVAL loads the script.
      if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
      reply = await this.client.eval(TOKEN_BUCKET_SCRIPT, 1, ...args);
    }
    return parseReply(reply);
  }
}

function parseReply(reply: unknown): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 3) throw new Error('rate limit: unexpected reply from Redis');
  const [allowed, remaining, retry] = reply.map(Number);
  return { allowed: allowed === 1, remaining: remaining ?? 0, retryAfterMs: retry ?? 0 };
}
