import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../src/report/reporter.js';
import { RULES, scanResult } from '../fixtures/report/scan-result.js';
import { checkXml } from './xml-check.js';

function junit(result = scanResult()): string {
  return renderReport(result, 'junit', { color: false });
}

describe('junit report', () => {
  it('is well-formed XML', () => {
    assert.deepEqual(checkXml(junit()).problems, []);
  });

  it('has one suite per rule that ran, plus one for input problems', () => {
    const suites = [...junit().matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(suites, [...RULES.map((r) => r.id).sort(), 'faasguard input problems']);
  });

  it('writes a finding as a failing case with the severity as type', () => {
    const expected = [
      '  <testsuite name="function-url-without-auth" tests="1" failures="1" errors="0" skipped="0">',
      '    <testcase classname="function-url-without-auth" name="template.yaml:10 ApiFunction" file="template.yaml" line="10">',
      '      <failure message="The function URL of ApiFunction has AuthType NONE: anyone can invoke it." type="critical">critical function-url-without-auth: Function URL without authentication',
      'at template.yaml:10',
      'The function URL of ApiFunction has AuthType NONE: anyone can invoke it.',
      'related template.yaml:4: The function ApiFunction</failure>',
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
    assert.ok(junit().includes(expected));
  });

  it('gives a rule without findings one passing case', () => {
    const result = { ...scanResult(), findings: scanResult().findings.filter((f) => f.ruleId !== 'samconfig-missing') };
    const expected = [
      '  <testsuite name="samconfig-missing" tests="1" failures="0" errors="0" skipped="0">',
      '    <testcase classname="samconfig-missing" name="no findings"/>',
      '  </testsuite>',
    ].join('\n');
    assert.ok(junit(result).includes(expected));
  });

  it('totals tests, failures and input errors on the root', () => {
    assert.ok(junit().startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="faasguard" tests="5" failures="4" errors="1">\n'));
  });

  it('escapes markup, quotes and control characters from the scanned project', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const hostile = { ...first, ruleId: 'r&d', message: `a "quoted" <tag> & 'x'\nnext\u0001`, fingerprint: 'f' };
    const out = junit({ ...scanResult(), findings: [hostile], diagnostics: [] });
    assert.deepEqual(checkXml(out).problems, []);
    assert.ok(out.includes('message="a &quot;quoted&quot; &lt;tag&gt; &amp; &apos;x&apos;\\x0anext\\x01"'));
    assert.ok(out.includes('<testsuite name="r&amp;d"'));
  });

  it('writes DEL, C1 controls and bidi overrides as visible escapes, in attributes and text (found by fuzzing)', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const hostile = { ...first, message: 'Function \u2066x\u2069 at\u007f \u009b31m \u202eevil', location: { ...first.location, file: 'a\u202eb.yaml' }, fingerprint: 'f' };
    const out = junit({ ...scanResult(), findings: [hostile], diagnostics: [] });
    assert.deepEqual(checkXml(out).problems, []);
    assert.doesNotMatch(out, /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(out.includes('message="Function \\u2066x\\u2069 at\\x7f \\x9b31m \\u202eevil"'), out);
    assert.ok(out.includes('file="a\\u202eb.yaml"'), out);
  });

  it('is rejected by the checker when broken, so the checks above mean something', () => {
    assert.notDeepEqual(checkXml('<a><b></a>').problems, []);
    assert.notDeepEqual(checkXml('<a>x & y</a>').problems, []);
  });
});
