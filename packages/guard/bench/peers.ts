// The same work done by the guard and by its peers, measured side by side in
// one process: read and validate the JSON body of an API Gateway HTTP API
// event, and every record body of an SQS batch of 10, against one zod schema
// built once. The handler does nothing, so what is timed is each library's
// own cost.
import middy from '@middy/core';
import { parse } from '@aws-lambda-powertools/parser';
import { ApiGatewayV2Envelope, SqsEnvelope } from '@aws-lambda-powertools/parser/envelopes';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { APIGatewayProxyEventV2Schema, SqsRecordSchema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { z } from 'zod';
import { guard, guardMiddleware } from '../src/index.js';

/** One contender for one kind of event. */
interface Contender {
  readonly name: string;
  /** A peer, as opposed to the guard itself (the guard/best-peer ratio is taken over peers only). */
  readonly peer: boolean;
  readonly run: () => unknown;
}

/** One kind of event: each contender's median, and the guard's ratio to the fastest peer. */
export interface Comparison {
  readonly work: string;
  readonly results: ReadonlyArray<{ readonly name: string; readonly peer: boolean; readonly median: number }>;
  /** The guard's median over the fastest peer's. */
  readonly ratio: number;
  readonly bestPeer: string;
}

/**
 * Times the contenders in alternating blocks (round r starts with contender
 * r mod n), so that a shared machine's changing load falls on all of them
 * alike; the figure for each is the median over rounds of its mean per call
 * within a block, in microseconds.
 */
async function interleaved(contenders: readonly Contender[], rounds: number, callsPerBlock: number): Promise<number[]> {
  const samples = contenders.map(() => [] as number[]);
  for (const c of contenders) for (let i = 0; i < callsPerBlock * 4; i++) await c.run();
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const j = (k + r) % contenders.length;
      const run = contenders[j]!.run;
      const start = process.hrtime.bigint();
      for (let i = 0; i < callsPerBlock; i++) await run();
      samples[j]!.push(Number(process.hrtime.bigint() - start) / 1000 / callsPerBlock);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1]!);
}

async function compare(work: string, contenders: readonly Contender[], rounds: number, callsPerBlock: number): Promise<Comparison> {
  const medians = await interleaved(contenders, rounds, callsPerBlock);
  const results = contenders.map((c, i) => ({ name: c.name, peer: c.peer, median: medians[i]! }));
  const guardMedian = results[0]!.median;
  const best = results.filter((r) => r.peer).reduce((a, b) => (b.median < a.median ? b : a));
  return { work, results, ratio: guardMedian / best.median, bestPeer: best.name };
}

const Order = z.object({ orderId: z.string(), amount: z.number(), currency: z.string() });
type OrderT = z.infer<typeof Order>;

// Minimal zod validation middlewares for middy, as one would write them for this job. Like the
// other contenders they leave the delivered event as it is and hand the handler a new one.
function zodBody(schema: z.ZodType<OrderT>) {
  return {
    before: (request: { event: { body?: string } }) => {
      request.event = { ...request.event, body: schema.parse(JSON.parse(request.event.body ?? '')) as never };
    },
  };
}

function zodRecords(schema: z.ZodType<OrderT>) {
  return {
    before: (request: { event: { Records: Array<{ body: unknown }> } }) => {
      const Records = request.event.Records.map((record) => ({ ...record, body: schema.parse(JSON.parse(record.body as string)) }));
      request.event = { ...request.event, Records };
    },
  };
}

const ok = { statusCode: 200, body: '' };
const context = { awsRequestId: 'c0ffee00-1111-2222-3333-444455556666', functionName: 'bench' };

export async function sideBySide(
  apiEvent: Record<string, unknown>,
  sqsEvent: Record<string, unknown>,
): Promise<Comparison[]> {
  const quiet = () => undefined;
  const guarded = guard(async () => ok, { allow: ['apigw-http', 'sqs'], schema: Order, logger: quiet });
  const guardedMiddy = middy<any, any>().use(guardMiddleware({ allow: ['apigw-http', 'sqs'], schema: Order, logger: quiet })).handler(async () => ok);

  // Powertools as documented: an envelope and the payload schema (the HTTP API envelope extends
  // its event schema with the payload schema on every call), or the event schema extended once.
  const body = JSONStringified(Order);
  const apiOnce = APIGatewayProxyEventV2Schema.extend({ body });
  const sqsOnce = SqsSchema.extend({ Records: z.array(SqsRecordSchema.extend({ body })) });
  const ptApiMiddy = middy<any, any>().use(parser({ schema: body, envelope: ApiGatewayV2Envelope })).handler(async () => ok);
  const ptSqsMiddy = middy<any, any>().use(parser({ schema: body, envelope: SqsEnvelope })).handler(async () => ok);
  const zodApiMiddy = middy<any, any>().use(zodBody(Order)).handler(async () => ok);
  const zodSqsMiddy = middy<any, any>().use(zodRecords(Order)).handler(async () => ok);

  // Each contender must accept both events, or the comparison means nothing.
  for (const run of [guarded, guardedMiddy, ptApiMiddy, zodApiMiddy]) assertSame(await run(apiEvent, context as never), ok);
  for (const run of [ptSqsMiddy, zodSqsMiddy]) assertSame(await run(sqsEvent, context as never), ok);
  assertSame(await guarded(sqsEvent, context), { batchItemFailures: [] });
  assertSame(parse(apiEvent, ApiGatewayV2Envelope, body), apiOnce.parse(apiEvent).body);
  assertSame(parse(sqsEvent, SqsEnvelope, body), sqsOnce.parse(sqsEvent).Records.map((r) => r.body));

  const contenders = (event: Record<string, unknown>, envelope: typeof ApiGatewayV2Envelope | typeof SqsEnvelope,
    once: { parse: (e: unknown) => unknown }, ptMiddy: typeof ptApiMiddy, zodMiddy: typeof zodApiMiddy): Contender[] => [
    { name: 'guard', peer: false, run: () => guarded(event, context) },
    { name: 'guard as middy middleware', peer: false, run: () => guardedMiddy(event, context as never) },
    { name: 'Powertools parse(event, envelope, schema)', peer: true, run: () => parse(event, envelope as never, body) },
    { name: 'Powertools event schema extended once', peer: true, run: () => once.parse(event) },
    { name: 'middy + Powertools parser middleware', peer: true, run: () => ptMiddy(event, context as never) },
    { name: 'middy + zod middleware', peer: true, run: () => zodMiddy(event, context as never) },
  ];
  return [
    await compare('HTTP API event', contenders(apiEvent, ApiGatewayV2Envelope, apiOnce, ptApiMiddy, zodApiMiddy), 201, 200),
    await compare('SQS batch of 10', contenders(sqsEvent, SqsEnvelope, sqsOnce, ptSqsMiddy, zodSqsMiddy), 201, 40),
  ];
}

function assertSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`bench handler answered ${JSON.stringify(actual)}`);
}
