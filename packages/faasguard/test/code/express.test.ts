/**
 * An Express app behind serverless-http: the handler export is not a function, so each route
 * handler registered by the app and its routers runs with the request as the API event, and the
 * response's `send` and `redirect` are sinks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeFindings } from './helpers.js';

describe('express apps', () => {
  it('finds flows in route handlers of the app and of its routers', async () => {
    const got = await codeFindings('express');
    assert.deepEqual(got.map((g) => [g.rule, g.at, g.steps]).sort(), [
      ['command-injection', 'src/app.js:20', ['src/app.js:20', 'src/app.js:20']],
      ['open-redirect', 'src/app.js:17', ['src/app.js:17', 'src/app.js:17']],
      ['path-traversal', 'src/routes/users.js:7', ['src/routes/users.js:7', 'src/routes/users.js:7']],
      ['xss', 'src/app.js:10', ['src/app.js:10', 'src/app.js:10']],
    ]);
    assert.match(got.find((g) => g.rule === 'xss')?.message ?? '', /^Query string of an API request to ANY \/\{proxy\+\} \(open to anyone\) reaches `res\.send`/);
  });
});
