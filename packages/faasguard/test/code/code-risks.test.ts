/**
 * Code risks beyond injection: verbose errors, unverified JWTs, logged events, hard-coded
 * credentials, TLS verification turned off, authorization from client input; and look-alikes
 * that are fine (a verified token, authorizer claims, an expected error, a request id logged).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { codeFindings, type Got } from './helpers.js';

let all: Got[] = [];

function of(rule: string): Array<[string, string | undefined, string[]]> {
  const key = (x: [string, string | undefined, string[]]): string => `${x[0]} ${x[2].join(' ')}`;
  return all
    .filter((g) => g.rule === rule)
    .map((g) => [g.at, g.subject, g.steps] as [string, string | undefined, string[]])
    .sort((a, b) => key(a).localeCompare(key(b), 'en', { numeric: true }));
}

describe('code risks', () => {
  before(async () => {
    all = await codeFindings('risks');
  });

  it('verbose-error-response: a caught error returned in the body', () => {
    assert.deepEqual(of('verbose-error-response'), [['src/verbose.js:9', 'VerboseFunction', ['src/verbose.js:7', 'src/verbose.js:9', 'src/verbose.js:9']]]);
  });

  it('jwt-decoded-without-verification: jwt.decode and a hand-decoded payload, not jwt.verify', () => {
    assert.deepEqual(of('jwt-decoded-without-verification'), [
      ['src/jwt.js:7', 'JwtFunction', ['src/jwt.js:5', 'src/jwt.js:7']],
      ['src/jwtsplit.js:5', 'JwtsplitFunction', ['src/jwtsplit.js:3', 'src/jwtsplit.js:5']],
    ]);
  });

  it('event-logged: the whole event (low), the Authorization header, a refresh token and all headers (medium), not the path nor an execution id or page cursor named a token; all headers only where callers send credentials', () => {
    assert.deepEqual(of('event-logged'), [
      ['src/iamlogs.js:4', 'IamlogsFunction', ['src/iamlogs.js:4']],
      ['src/logs.js:3', 'LogsFunction', ['src/logs.js:3']],
      ['src/logs.js:5', 'LogsFunction', ['src/logs.js:5']],
      ['src/logs.js:9', 'LogsFunction', ['src/logs.js:9']],
      ['src/logs.js:11', 'LogsFunction', ['src/logs.js:11']],
    ]);
    assert.deepEqual(all.filter((g) => g.rule === 'event-logged').map((g) => g.severity).sort(), ['low', 'medium', 'medium', 'medium', 'medium']);
  });

  it('secret-in-code and tls-verification-disabled', () => {
    // Every function of this fixture shares the code folder, so the file is what identifies the finding.
    assert.deepEqual(of('secret-in-code').map(([at]) => at), ['src/secrets.js:4']);
    assert.deepEqual(of('tls-verification-disabled'), [
      ['src/tls.js:4', 'TlsFunction', []],
      ['src/tls.js:6', 'TlsFunction', []],
      // Spelled with an escape: found although the text does not hold the name (fails when the walk is pruned by the words anyway).
      ['src/tls.js:15', 'TlsFunction', []],
      // A backslash that makes no escape: the text holds `reject\Unauthorized` (fails when the words are searched as written).
      ['src/tls.js:18', 'TlsFunction', []],
    ]);
  });

  it('authorization-from-client-input: isAdmin and owner ids from the body and headers', () => {
    assert.deepEqual(of('authorization-from-client-input'), [
      ['src/authz.js:6', 'AuthzFunction', ['src/authz.js:4', 'src/authz.js:4', 'src/authz.js:6']],
      ['src/authz.js:11', 'AuthzFunction', ['src/authz.js:4', 'src/authz.js:4', 'src/authz.js:11']],
      ['src/authz.js:11', 'AuthzFunction', ['src/authz.js:9', 'src/authz.js:9', 'src/authz.js:11']],
    ]);
  });

  it('is silent on the look-alikes', () => {
    assert.deepEqual(all.filter((g) => g.subject === 'QuietFunction' || g.subject === 'JwtverifiedFunction' || g.subject === 'KeyedFunction'), []);
  });
});
