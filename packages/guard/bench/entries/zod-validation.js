import { guard } from '@faasguard/guard';
import { z } from 'zod';

const Order = z.object({ orderId: z.string(), amount: z.number(), currency: z.string() });

export const handler = guard(async ({ data }) => ({ statusCode: 200, body: data.orderId }), {
  allow: ['apigw-http', 'sqs'],
  schema: Order,
});
