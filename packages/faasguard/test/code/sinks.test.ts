/**
 * One fixture function per sink family, each behind a public Function URL: every sink is found at
 * its line, with the flow from the source, and is critical (or high for browser-side families).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { FIXTURES } from '../helpers/paths.js';
import { bySubject, codeFindings, type Got } from './helpers.js';

let all: Got[] = [];

describe('sink families', () => {
  before(async () => {
    all = await codeFindings('sinks');
  });

  it('command execution: exec and spawn with a shell', () => {
    assert.deepEqual(bySubject(all, 'CommandFunction'), [
      { rule: 'command-injection', at: 'src/command.js:7', steps: ['src/command.js:4', 'src/command.js:4', 'src/command.js:5', 'src/command.js:7'] },
      { rule: 'command-injection', at: 'src/command.js:9', steps: ['src/command.js:4', 'src/command.js:4', 'src/command.js:9'] },
    ]);
  });

  it('code evaluation: eval, Function, vm and string timers', () => {
    const got = bySubject(all, 'CodeFunction');
    assert.deepEqual(got.map((g) => g.at), ['src/code.js:6', 'src/code.js:8', 'src/code.js:10', 'src/code.js:12']);
    assert.ok(got.every((g) => g.rule === 'code-injection' && g.steps[0] === 'src/code.js:4'));
  });

  it('unsafe deserialization: node-serialize and a js-yaml full schema', () => {
    assert.deepEqual(bySubject(all, 'DeserializationFunction'), [
      { rule: 'unsafe-deserialization', at: 'src/deser.js:6', steps: ['src/deser.js:6', 'src/deser.js:6'] },
      { rule: 'unsafe-deserialization', at: 'src/deser.js:8', steps: ['src/deser.js:8', 'src/deser.js:8'] },
    ]);
  });

  it('SQL built from strings in TypeScript: pg and mysql2', () => {
    assert.deepEqual(bySubject(all, 'SqlFunction'), [
      { rule: 'sql-injection', at: 'src/sql.ts:9', steps: ['src/sql.ts:7', 'src/sql.ts:7', 'src/sql.ts:9'] },
      { rule: 'sql-injection', at: 'src/sql.ts:13', steps: ['src/sql.ts:11', 'src/sql.ts:11', 'src/sql.ts:13'] },
    ]);
  });

  it('NoSQL: a DynamoDB FilterExpression, a Mongo filter from the body, $where', () => {
    assert.deepEqual(bySubject(all, 'NosqlFunction').map((g) => [g.rule, g.at]), [
      ['nosql-injection', 'src/nosql.js:10'],
      ['nosql-injection', 'src/nosql.js:13'],
      ['nosql-injection', 'src/nosql.js:15'],
    ]);
  });

  it('path traversal through path.join and fs.promises (arguments that are data are not paths)', () => {
    assert.deepEqual(bySubject(all, 'PathFunction'), [
      { rule: 'path-traversal', at: 'src/files.mjs:8', steps: ['src/files.mjs:5', 'src/files.mjs:5', 'src/files.mjs:6', 'src/files.mjs:8'] },
      { rule: 'path-traversal', at: 'src/files.mjs:10', steps: ['src/files.mjs:10', 'src/files.mjs:10'] },
    ]);
  });

  it('SSRF: fetch, axios with the host from input, https.get options', () => {
    assert.deepEqual(bySubject(all, 'SsrfFunction').map((g) => [g.rule, g.at]), [
      ['ssrf', 'src/ssrf.ts:7'],
      ['ssrf', 'src/ssrf.ts:9'],
      ['ssrf', 'src/ssrf.ts:11'],
    ]);
  });

  it('XSS and open redirect in returned responses, high when public', () => {
    assert.deepEqual(bySubject(all, 'XssFunction'), [{ rule: 'xss', at: 'src/xss.js:7', steps: ['src/xss.js:2', 'src/xss.js:2', 'src/xss.js:3', 'src/xss.js:7'] }]);
    assert.deepEqual(bySubject(all, 'RedirectFunction'), [{ rule: 'open-redirect', at: 'src/redirect.js:4', steps: ['src/redirect.js:2', 'src/redirect.js:2', 'src/redirect.js:4'] }]);
    assert.ok(all.filter((g) => g.rule === 'xss' || g.rule === 'open-redirect').every((g) => g.severity === 'high'));
  });

  it('rates injections from a public Function URL critical and names the source and sink', () => {
    const cmd = all.find((g) => g.at === 'src/command.js:7');
    assert.equal(cmd?.severity, 'critical');
    assert.match(cmd?.message ?? '', /^Query string of a Function URL request \(open to anyone\) reaches `exec` at src\/command\.js:7 in CommandFunction/);
    assert.ok(all.filter((g) => g.rule !== 'xss' && g.rule !== 'open-redirect').every((g) => g.severity === 'critical'));
  });
});

describe('sink libraries', () => {
  // execa with a shell, serialize-to-js, funcster, sequelize, knex.raw, typeorm, got, request and
  // vm.Script, and their safe forms, are annotated line by line in the fixture (annotated-fixtures.test.ts).
  it('starts every flow at the query string and ends it at the sink', async () => {
    const got = await codeFindings('sinks-more');
    const source = fs.readFileSync(path.join(FIXTURES, 'code/sinks-more/src/libraries.mjs'), 'utf8').split('\n').findIndex((l) => l.includes('event.queryStringParameters')) + 1;
    assert.equal(got.length, 9);
    assert.ok(got.every((g) => g.steps[0] === `src/libraries.mjs:${source}` && g.steps[g.steps.length - 1] === g.at));
  });
});
