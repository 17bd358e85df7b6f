/**
 * api-route-without-auth on a WebSocket API whose `$connect` admits any client: its other routes are
 * reported with the fix where a WebSocket API takes authorization, `$connect`, and point at it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { FIXTURES } from '../helpers/paths.js';

describe('api-route-without-auth on a WebSocket API', () => {
  it('tells a route other than $connect to authorize $connect, and relates it', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'api-route-without-auth', 'fail'), { noCache: true, rules: [apiRouteWithoutAuth] });
    const ws = result.findings.filter((f) => f.location.file === 'websocket.yaml');
    const send = ws.find((f) => f.subject?.logicalId === 'ChatSend')!;
    const connect = ws.find((f) => f.subject?.logicalId === 'ChatConnect')!;
    assert.match(send.message, / A WebSocket API takes authorization on \$connect only, which admits any client here: authorize it\.$/);
    assert.deepEqual(send.related?.map((r) => [r.loc.line, r.message]).filter(([, m]) => String(m).startsWith('route')), [[29, 'route $connect, which admits every connection']]);
    assert.doesNotMatch(connect.message, /takes authorization on/);
  });
});
