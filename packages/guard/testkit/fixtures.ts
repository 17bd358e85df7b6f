import { readFileSync } from 'node:fs';

const eventsDir = new URL('../../test/fixtures/events/', import.meta.url);

/** A fresh copy of a sample event from test/fixtures/events, so tests can mutate it. */
export function loadEvent<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, eventsDir), 'utf8')) as T;
}

export const context = (id = 'c0ffee00-1111-2222-3333-444455556666') => ({
  awsRequestId: id,
  functionName: 'orders-api',
});

/** Collects security log lines as parsed records. */
export function captureLog() {
  const lines: string[] = [];
  return {
    lines,
    options: { functionName: 'orders-api', write: (line: string) => lines.push(line) },
    records: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
  };
}

/** An HTTP event (REST v1 shape) with the given headers and JSON body. */
export function restEvent(headers: Record<string, string>, body: unknown = { orderId: 'ord-1', amount: 1, currency: 'EUR' }) {
  const event = loadEvent('apigw-rest');
  event['headers'] = { ...event['headers'], ...headers };
  event['multiValueHeaders'] = {};
  event['body'] = typeof body === 'string' ? body : JSON.stringify(body);
  return event;
}

/** A logger that drops every line, for tests that do not look at the log. */
export const quiet = (): void => undefined;
