/**
 * The Markdown report fits a pull-request comment: GitHub refuses more than 65,536 characters
 * (UTF-16 code units), and the report keeps under 60,000, most severe findings first, saying how
 * many more the SARIF and HTML reports hold.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding, Severity } from '../../src/findings/finding.js';
import { SEVERITIES } from '../../src/findings/finding.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { GITHUB_COMMENT_LIMIT, MARKDOWN_BUDGET } from '../../src/report/markdown-budget.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { scanResult, SUPPRESSION } from '../fixtures/report/scan-result.js';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
const made: string[] = [];
after(() => made.forEach(removeProject));

/** A SAM app of `count` functions, each open to the internet, allowed everything and running shell commands built from its input. */
function samApp(count: number): string {
  const functions = Array.from({ length: count }, (_, i) =>
    [
      `  Fn${String(i).padStart(3, '0')}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs16.x',
      '      Handler: index.handler',
      '      InlineCode: |',
      '        const { exec } = require("child_process");',
      '        exports.handler = async (event) => { exec("convert " + event.body); };',
      '      FunctionUrlConfig:',
      '        AuthType: NONE',
      '      Environment:',
      '        Variables:',
      `          DB_PASSWORD: hunter2-${i}-supersecret`,
      '      Policies:',
      '        - Statement:',
      '            - Effect: Allow',
      '              Action: "*"',
      '              Resource: "*"',
    ].join('\n'),
  );
  return ['AWSTemplateFormatVersion: "2010-09-09"', 'Transform: AWS::Serverless-2016-10-31', 'Resources:', ...functions, ''].join('\n');
}

/** Severities of the `<details>` blocks, in order. */
function detailed(markdown: string): Severity[] {
  return [...markdown.matchAll(/^<summary>(\w+): /gm)].map((m) => m[1] as Severity);
}

function omittedCount(markdown: string): number {
  const m = /^(\d+) more findings?: see the SARIF or HTML report/m.exec(markdown);
  assert.ok(m, 'the report says how many findings it leaves out');
  return Number(m[1]);
}

/** `count` findings of every severity in turn, each message `text` repeated. */
function manyFindings(count: number, text: string): ScanResult {
  const [first] = scanResult().findings;
  assert.ok(first);
  const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
    ...first,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    fingerprint: `fp${i}`,
    message: `${text} #${i}`,
    location: { file: 'template.yaml', line: i + 1, column: 1 },
  }));
  return { ...scanResult(), findings };
}

describe('markdown report within a pull-request comment', () => {
  it('keeps an 80-function app under 60,000 characters, most severe first (command line)', () => {
    const dir = tempProject({ 'template.yaml': samApp(80) });
    made.push(dir);
    const r = spawnSync(process.execPath, [BIN, 'scan', dir, '--format', 'markdown', '--no-cache'], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(r.status, 1, r.stderr);
    const out = r.stdout;
    assert.ok(out.length <= MARKDOWN_BUDGET, `${out.length} characters`);
    const total = Number(/^## faasguard: (\d+) findings$/m.exec(out)?.[1]);
    assert.ok(total >= 80 * 5, `${total} findings`);
    const shown = detailed(out);
    assert.ok(shown.length > 10 && shown.length < total);
    assert.equal(omittedCount(out), total - shown.length);
    const ranks = shown.map((s) => SEVERITIES.indexOf(s));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'most severe first');
    assert.equal(shown[0], 'critical');
    assert.match(out, /^\| Severity \| Findings \|$/m, 'the counts are kept');
  });

  it('counts UTF-16 code units: multibyte messages stay within the budget, for budgets large and small', () => {
    const result = manyFindings(3500, 'Ünïcödé 函数 🔥 exposed');
    const whole = renderMarkdown(result, {}, Infinity);
    assert.ok(whole.length > 5 * GITHUB_COMMENT_LIMIT, `${whole.length}`);
    for (const budget of [MARKDOWN_BUDGET, 20_000, 5_000, 3_001]) {
      const out = renderMarkdown(result, {}, budget);
      assert.ok(out.length <= budget, `${out.length} > ${budget}`);
      assert.ok(Buffer.byteLength(out) > out.length, 'the content is multibyte');
      assert.ok(out.includes('🔥'));
      assert.equal(omittedCount(out), 3500 - detailed(out).length);
      assert.ok(out.startsWith('## faasguard: 3500 findings\n'));
    }
    const out = renderMarkdown(result, {});
    assert.ok(out.length > MARKDOWN_BUDGET - 2_000, 'the budget is used, not wasted');
  });

  it('writes a report within the budget whole, as before', () => {
    const result = manyFindings(30, 'fine');
    const whole = renderMarkdown(result, {}, Infinity);
    assert.equal(renderMarkdown(result, {}, whole.length), whole);
    assert.doesNotMatch(whole, /more findings?: see the SARIF/);
    assert.notEqual(renderMarkdown(result, {}, whole.length - 1), whole);
    assert.ok(renderMarkdown(result, {}, whole.length - 1).length <= whole.length - 1);
  });

  it('leaves out a finding larger than the budget rather than exceed it', () => {
    const result = manyFindings(3, 'x'.repeat(70_000));
    const out = renderMarkdown(result, {});
    assert.ok(out.length <= MARKDOWN_BUDGET);
    assert.equal(omittedCount(out), 3);
    assert.match(out, /^…and 3 more\.$/m);
  });

  it('keeps the input problems ahead of the details, and cuts suppressed findings with a note', () => {
    const base = manyFindings(2000, 'exposed');
    const diagnostics = Array.from({ length: 5 }, (_, i) => ({ severity: 'error' as const, code: 'unknown-tag', message: `Unknown tag !Foo${i}`, loc: { file: `t${i}.yaml`, line: 1, column: 1 } }));
    const suppressed = base.findings.map((f) => ({ ...f, suppression: SUPPRESSION }));
    const out = renderMarkdown({ ...base, diagnostics, suppressed }, { showSuppressed: true });
    assert.ok(out.length <= MARKDOWN_BUDGET);
    for (let i = 0; i < 5; i++) assert.ok(out.includes(`Unknown tag !Foo${i}`));
    assert.match(out, /^### Suppressed \(2000\)$/m);
    assert.match(out, /^…and \d+ more: see the SARIF or JSON report\.$/m);
  });
});
