// POST /orders behind an API Gateway HTTP API: the guard refuses anything that
// is not an HTTP API request, authenticates the caller's JWT against the
// identity provider's JWKS, limits each user to RATE_LIMIT_PER_MINUTE orders,
// and validates the body before the handler sees it.
import { randomUUID } from 'node:crypto';
import { ClientError, guard } from '@faasguard/guard';
import { jwtAuth } from '@faasguard/guard/jwt';
import { z } from 'zod';

const CreateOrder = z.object({
  customerId: z.string().regex(/^cus_[A-Za-z0-9]{6,32}$/),
  items: z
    .array(z.object({ sku: z.string().min(1).max(64), quantity: z.number().int().min(1).max(100) }))
    .min(1)
    .max(50),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  idempotencyKey: z.string().uuid(),
});

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// A shared Redis limit when REDIS_URL is set; otherwise per instance (see the guard's README).
async function rateLimitStore() {
  if (!process.env.REDIS_URL) return undefined;
  const [{ Redis }, { RedisRateLimitStore }] = await Promise.all([import('ioredis'), import('@faasguard/guard/redis')]);
  return new RedisRateLimitStore({ client: new Redis(process.env.REDIS_URL) });
}

// Stands in for a DynamoDB table: enough to show idempotency and a client error.
const orders = new Map();

export const handler = guard(
  async ({ data, principal, correlationId }) => {
    if (orders.has(data.idempotencyKey)) throw new ClientError(409, 'Order already submitted');
    const order = { id: `ord_${randomUUID()}`, ownerId: principal?.id, ...data, status: 'received' };
    orders.set(data.idempotencyKey, order);
    return {
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
      body: JSON.stringify({ id: order.id, status: order.status }),
    };
  },
  {
    allow: ['apigw-http'],
    schema: CreateOrder,
    limits: { maxBytes: 16 * 1024, maxDepth: 6 },
    auth: jwtAuth({
      jwksUri: requiredEnv('JWKS_URL'),
      issuer: requiredEnv('JWT_ISSUER'),
      audience: requiredEnv('JWT_AUDIENCE'),
      algorithms: ['RS256'],
    }),
    rateLimit: {
      limit: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 30),
      intervalMs: 60_000,
      store: await rateLimitStore(),
      // Before the JWT is verified, per address: users behind one NAT share this bucket.
      beforeAuth: { limit: 10 * Number(process.env.RATE_LIMIT_PER_MINUTE ?? 30) },
    },
  },
);
