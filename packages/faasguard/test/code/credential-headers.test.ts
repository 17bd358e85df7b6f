import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialHeaderNamed } from '../../src/code/credential-headers.js';

function at(text: string): string | undefined {
  const loc = credentialHeaderNamed('src/app.js', text);
  return loc ? `${loc.line}:${loc.column}` : undefined;
}

describe('credentialHeaderNamed', () => {
  it('finds a credential header looked up by name, in any case and quotes', () => {
    assert.equal(at("const token = event.headers['Authorization'];"), '1:29');
    assert.equal(at('x = 1\nkey = headers.get("X-API-KEY")'), '2:19');
    assert.equal(at('const c = headers[`cookie`];'), '1:19');
    assert.equal(at("headers.get('x-amzn-oidc-accesstoken')"), '1:13');
  });

  it('finds a property read of the Authorization header or of cookies', () => {
    assert.equal(at('const auth = event.headers.authorization;'), '1:27');
    assert.equal(at('if request.cookies.get("session"):'), '1:11');
  });

  it('ignores signature headers, other headers and a header list in one string', () => {
    assert.equal(at("const sig = event.headers['stripe-signature'];"), undefined);
    assert.equal(at("headers.get('x-hub-signature-256') or headers.get('tenant-id')"), undefined);
    assert.equal(at("'Access-Control-Allow-Headers': 'Content-Type,Authorization'"), undefined);
    assert.equal(at('const authorizer = event.requestContext.authorizer;'), undefined);
  });
});
