// The smallest realistic guarded handler: detection + allow-list + validation,
// with a hand-written Standard Schema so that only the guard itself is measured.
import { guard } from '@faasguard/guard';

const Order = {
  '~standard': {
    version: 1,
    vendor: 'bench',
    validate(value) {
      const ok = typeof value === 'object' && value !== null && typeof value.orderId === 'string' && typeof value.amount === 'number';
      return ok ? { value } : { issues: [{ message: 'invalid order' }] };
    },
  },
};

export const handler = guard(async ({ data }) => ({ statusCode: 200, body: data.orderId }), {
  allow: ['apigw-http', 'sqs'],
  schema: Order,
});
