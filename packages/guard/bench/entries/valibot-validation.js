import { guard } from '@faasguard/guard';
import * as v from 'valibot';

const Order = v.object({ orderId: v.string(), amount: v.number(), currency: v.string() });

export const handler = guard(async ({ data }) => ({ statusCode: 200, body: data.orderId }), {
  allow: ['apigw-http', 'sqs'],
  schema: Order,
});
