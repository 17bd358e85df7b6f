/**
 * The HTML page and the data it embeds, read without a browser (see browser.test.ts for the page
 * at work).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { renderReport } from '../../../src/report/reporter.js';
import type { ScanResult } from '../../../src/scan/scan-result.js';
import { PAYLOAD, hostileScanResult } from '../../fixtures/report/hostile-scan-result.js';
import { RULES, SECRET, redactSecret, scanResult } from '../../fixtures/report/scan-result.js';
import { embeddedData } from './embedded-data.js';

function html(result: ScanResult = scanResult(), redactLine?: (line: string) => string): string {
  return renderReport(result, 'html', { color: false, ...(redactLine ? { redactLine } : {}) });
}

/** The text of every `<tag>…</tag>` element of the page. */
function elements(page: string, tag: string): string[] {
  return [...page.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

function contentSecurityPolicy(page: string): string {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
  assert.ok(csp, 'the page sets a Content-Security-Policy');
  return csp;
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('html report page', () => {
  it('is one document with its script and style inlined, and nothing loaded from elsewhere', () => {
    const page = html();
    assert.ok(page.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"'));
    assert.ok(page.endsWith('</body>\n</html>\n'));
    assert.doesNotMatch(page, /<script [^>]*src=|<link |<img |<iframe |@import|url\(http/i);
    assert.equal(elements(page, 'script').length, 2, 'the data and the client script');
    assert.equal(elements(page, 'style').length, 1);
  });

  it('forbids the network and allows only its own script and style, by hash', () => {
    const page = html();
    const [script] = elements(page, 'script').filter((_, i) => i === 1);
    const [style] = elements(page, 'style');
    assert.ok(script && style);
    assert.equal(
      contentSecurityPolicy(page),
      `default-src 'none'; script-src '${sha256(script)}'; style-src '${sha256(style)}'; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    assert.ok(script.includes('Copyright (c) 2012-2014 Chris Pettitt'), "dagre's license notice travels with its code");
  });

  it('keeps hostile strings out of the markup: they are data, escaped, and parse back intact', () => {
    const page = html(hostileScanResult());
    const data = embeddedData(page);
    assert.equal(page.split('<img').length, 1, 'no img tag anywhere');
    assert.equal(elements(page, 'script').length, 2, 'no script element was injected');
    assert.ok(!page.includes(PAYLOAD));
    assert.ok(page.includes(`<title>faasguard report: app&#60;/script&#62;&#60;img src=x onerror=&#34;window.__pwned=1&#34;&#62;`));
    assert.equal(data.target, `app${PAYLOAD}`);
    assert.ok(data.findings.some((f) => f.message.startsWith(`Message ${PAYLOAD}`) && f.flow[0]?.message === `step ${PAYLOAD}`));
    assert.ok(data.graph.nodes.some((n) => n.label === `Bucket${PAYLOAD}` && n.location === `t${PAYLOAD}.yaml:3`));
    assert.equal(data.diagnostics[0]?.message, `bad ${PAYLOAD}`);
  });

  it('shows code frames redacted', () => {
    const frames = embeddedData(html(scanResult(), redactSecret)).findings.flatMap((f) => f.frame?.lines ?? []).map((l) => l.text);
    assert.ok(frames.includes('          DB_PASSWORD: ****'));
    assert.ok(!html(scanResult(), redactSecret).includes(SECRET));
    assert.ok(html(scanResult()).includes(SECRET), 'the fixture shows the secret when nothing redacts it');
  });
});

describe('html report data', () => {
  const data = embeddedData(html());

  it('counts findings by severity and category, and functions by exposure', () => {
    assert.deepEqual(data.summary, {
      total: 4,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 0, info: 1 },
      byCategory: [
        { category: 'SAS-2', title: 'Broken authentication', count: 1 },
        { category: 'SAS-3', title: 'Insecure serverless deployment configuration', count: 1 },
        { category: 'SAS-4', title: 'Over-privileged function permissions and roles', count: 1 },
        { category: 'SAS-7', title: 'Insecure application secrets storage', count: 1 },
      ],
      exposure: { public: 1, authenticated: 0, account: 0, internal: 0 },
    });
  });

  it('sorts findings as every report does, with location, frame and flow', () => {
    assert.deepEqual(data.findings.map((f) => [f.severity, f.ruleId, f.location]), [
      ['critical', 'function-url-without-auth', 'template.yaml:10'],
      ['high', 'plaintext-secret-in-environment', 'template.yaml:13'],
      ['medium', 'iam-wildcard-action', 'template.yaml:17'],
      ['info', 'samconfig-missing', 'samconfig.toml'],
    ]);
    const [first] = data.findings;
    assert.deepEqual(first?.frame, {
      lines: [
        { number: 8, text: '      Runtime: nodejs20.x' },
        { number: 9, text: '      FunctionUrlConfig:' },
        { number: 10, text: '        AuthType: NONE' },
        { number: 11, text: '      Environment:' },
        { number: 12, text: '        Variables:' },
      ],
      marked: 10,
      caret: 18,
    });
    assert.deepEqual(first?.related, [{ location: 'template.yaml:4', message: 'The function ApiFunction' }]);
    assert.equal(data.findings[3]?.frame, undefined, 'a whole-file finding has no frame');
    assert.equal(data.findings[2]?.subject, 'Stack/Api/Handler', 'CDK users know construct paths');
  });

  it('links findings to the functions their subject concerns', () => {
    const fn = data.graph.nodes.findIndex((n) => n.label === 'ApiFunction');
    assert.deepEqual(data.findings.map((f) => f.functions), [[fn], [], [fn], []]);
    assert.deepEqual(data.functions, [{ node: fn, name: 'ApiFunction', exposure: 'public', location: 'template.yaml:4', runtime: 'nodejs20.x', paths: ['anyone on the internet can call the Function URL of ApiFunction'], findings: 2, group: 0 }]);
  });

  it('holds each fix once, for the rules that have findings', () => {
    assert.deepEqual(data.fixes, Object.fromEntries(RULES.map((r) => [r.id, r.remediation]).sort(([a], [b]) => (a! < b! ? -1 : 1))));
    const one = embeddedData(html({ ...scanResult(), findings: scanResult().findings.filter((f) => f.ruleId === 'samconfig-missing') }));
    assert.deepEqual(one.fixes, { 'samconfig-missing': 'Add a samconfig.toml.' });
  });

  it('carries the baseline summary when a baseline was applied', () => {
    assert.equal(data.baseline, undefined);
    const withBaseline = embeddedData(html({ ...scanResult(), baseline: { file: '.faasguard-baseline.json', baselined: 3, gone: 1 } }));
    assert.deepEqual(withBaseline.baseline, { file: '.faasguard-baseline.json', baselined: 3, gone: 1 });
  });
});
