import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../src/report/reporter.js';
import { SECRET, TEMPLATE, redactSecret, scanResult } from '../fixtures/report/scan-result.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

function pretty(color = false, redactLine?: (line: string) => string): string {
  return renderReport(scanResult(), 'pretty', { color, redactLine });
}

describe('pretty report', () => {
  it('prints each finding with file:line:column, rule id and title', () => {
    const out = pretty();
    assert.match(out, /template\.yaml:10:19 {2}function-url-without-auth {2}Function URL without authentication/);
    assert.ok(out.includes('template.yaml:13:11  plaintext-secret-in-environment'));
    assert.ok(out.includes('template.yaml:17:23  iam-wildcard-action'));
    assert.ok(out.includes('The function URL of ApiFunction has AuthType NONE: anyone can invoke it.'));
  });

  it('prints a finding about a whole file without :0:0 and without a code frame', () => {
    const out = pretty();
    assert.ok(out.includes('  samconfig.toml  samconfig-missing  No deployment configuration'));
    assert.ok(!out.includes('samconfig.toml:0'));
  });

  it('indents related locations under their finding', () => {
    const out = pretty();
    assert.ok(out.includes('\n    related template.yaml:4:3  The function ApiFunction\n'));
    assert.ok(out.includes("\n    related template.yaml:18:25  Resource '*'\n"));
    assert.ok(out.includes('\n    construct Stack/Api/Handler\n'));
  });

  it('shows a code frame with two lines of context, a > marker and a caret under the column', () => {
    const expected = [
      '       8 |       Runtime: nodejs20.x',
      '       9 |       FunctionUrlConfig:',
      '    > 10 |         AuthType: NONE',
      '         |                   ^',
      '      11 |       Environment:',
      '      12 |         Variables:',
    ].join('\n');
    assert.ok(pretty().includes(expected), pretty());
  });

  it('does not show a line past the end of the file', () => {
    const out = pretty();
    assert.ok(out.includes("      18 |               Resource: '*'\n\nINFO (1)"));
    assert.ok(!out.includes('19 |'));
  });

  it('groups findings by severity, critical first', () => {
    const out = pretty();
    const headers = ['CRITICAL (1)', 'HIGH (1)', 'MEDIUM (1)', 'INFO (1)'].map((h) => out.indexOf(`${h}\n`));
    assert.ok(headers.every((i) => i >= 0), `missing header in:\n${out}`);
    assert.deepEqual([...headers].sort((a, b) => a - b), headers);
    assert.ok(!out.includes('LOW ('), 'empty groups are not printed');
    assert.ok(out.indexOf('function-url-without-auth') < out.indexOf('plaintext-secret-in-environment'));
  });

  it('lists input problems as `error file:line message`', () => {
    assert.ok(pretty().includes('Input problems (1)\n\n  error broken.yaml:3 Unknown tag !Foo [unknown-tag]\n'));
  });

  it('ends with a one-line summary of counts and templates', () => {
    const lines = pretty().trimEnd().split('\n');
    assert.equal(lines.at(-1), '4 findings (1 critical, 1 high, 1 medium, 0 low, 1 info); 1 input problem; 2 templates scanned');
  });

  it('says so when there are no findings', () => {
    const result = { ...scanResult(), findings: [], diagnostics: [], templates: ['template.yaml'] };
    const out = renderReport(result, 'pretty', { color: false });
    assert.equal(out, 'No findings.\n\n0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info); 1 template scanned\n');
  });

  it('uses no ANSI codes without color, and some with it', () => {
    assert.doesNotMatch(pretty(false), ANSI);
    assert.match(pretty(true), ANSI);
  });

  it('prints the same text with color once the codes are removed', () => {
    // eslint-disable-next-line no-control-regex
    assert.equal(pretty(true).replace(/\u001b\[[0-9;]*m/g, ''), pretty(false));
  });

  it('applies redactLine to every code-frame line', () => {
    assert.ok(pretty().includes(SECRET), 'the fixture does show the secret without a redactor');
    const seen: string[] = [];
    const out = pretty(false, (line) => {
      seen.push(line);
      return redactSecret(line);
    });
    assert.ok(!out.includes(SECRET));
    assert.ok(out.includes('    > 13 |           DB_PASSWORD: ****\n'));
    const frameLines = TEMPLATE.split('\n');
    assert.ok(seen.includes(frameLines[12] ?? ''));
    assert.ok(seen.includes(frameLines[7] ?? ''), 'context lines go through the redactor too');
  });

  it('escapes terminal control sequences coming from scanned files', () => {
    const base = scanResult();
    const [first] = base.findings;
    assert.ok(first);
    const hostile = { ...first, message: 'evil \u001b[2J\u001b]0;pwned\u0007 id' };
    const out = renderReport({ ...base, findings: [hostile] }, 'pretty', { color: false });
    assert.doesNotMatch(out, /[\u001b\u0007]/);
    assert.ok(out.includes('evil \\x1b[2J\\x1b]0;pwned\\x07 id'));
  });
});
