/**
 * An Express app behind serverless-http: the handler export is not a function, so each route
 * handler registered by the app and its routers runs with the request as the API event, and the
 * response's `send` and `redirect` are sinks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeFindings } from './helpers.js';

describe('express apps', () => {
  // The lines each rule must and must not flag are annotated in the fixture (annotated-fixtures.test.ts).
  it('names the API route as the source of a route handler\'s flow', async () => {
    const got = await codeFindings('express');
    assert.deepEqual([...new Set(got.map((g) => g.rule))].sort(), ['command-injection', 'open-redirect', 'path-traversal', 'xss']);
    assert.match(got.find((g) => g.rule === 'xss')?.message ?? '', /^Query string of an API request to ANY \/\{proxy\+\} \(open to anyone\) reaches `res\.send`/);
  });
});
