import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSecurityLogger } from '../src/index.js';

describe('security logger', () => {
  it('writes one JSON line per event with the documented fields', () => {
    const lines: string[] = [];
    const log = createSecurityLogger({ functionName: 'orders-api', write: (l) => lines.push(l) });
    log('auth_failed', { correlationId: 'abc', source: 'apigw-http', principal: 'jwt:user-1', details: { reason: 'invalid token', token: 'eyJx' } });
    assert.equal(lines.length, 1);
    const record = JSON.parse(lines[0]!);
    assert.deepEqual(Object.keys(record), ['time', 'level', 'kind', 'event', 'correlationId', 'function', 'source', 'principal', 'details']);
    assert.equal(record.level, 'warn');
    assert.equal(record.kind, 'security');
    assert.deepEqual(record.details, { reason: 'invalid token', token: '[REDACTED]' });
    assert.ok(!Number.isNaN(Date.parse(record.time)));
  });

  it('takes the function name from the Lambda environment by default', () => {
    const previous = process.env['AWS_LAMBDA_FUNCTION_NAME'];
    process.env['AWS_LAMBDA_FUNCTION_NAME'] = 'from-env';
    try {
      const lines: string[] = [];
      createSecurityLogger({ write: (l) => lines.push(l) })('rate_limited', { correlationId: 'x', source: 'alb' });
      assert.equal(JSON.parse(lines[0]!).function, 'from-env');
    } finally {
      if (previous === undefined) delete process.env['AWS_LAMBDA_FUNCTION_NAME'];
      else process.env['AWS_LAMBDA_FUNCTION_NAME'] = previous;
    }
  });

  it('never throws, even when the sink does', () => {
    const log = createSecurityLogger({ write: () => { throw new Error('stdout closed'); } });
    assert.doesNotThrow(() => log('guard_error', { correlationId: 'x', source: 'unknown' }));
  });
});
