import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../src/report/reporter.js';
import { scanResult } from '../fixtures/report/scan-result.js';

function markdown(result = scanResult()): string {
  return renderReport(result, 'markdown', { color: false });
}

describe('markdown report', () => {
  it('opens with the count and the severity table', () => {
    const lines = markdown().split('\n');
    assert.deepEqual(lines.slice(0, 12), [
      '## faasguard: 4 findings',
      '',
      '2 templates scanned.',
      '',
      '| Severity | Findings |',
      '| --- | ---: |',
      '| critical | 1 |',
      '| high | 1 |',
      '| medium | 1 |',
      '| low | 0 |',
      '| info | 1 |',
      '',
    ]);
  });

  it('counts the categories that have findings, in OWASP order', () => {
    assert.ok(markdown().includes('| SAS-2 Broken authentication | 1 |\n| SAS-3 Insecure serverless deployment configuration | 1 |\n'));
  });

  it('lists the top findings with file:line, escaping Markdown in messages', () => {
    const out = markdown();
    assert.ok(out.includes("| critical | `function-url-without-auth` | `template.yaml:10` | The function URL of ApiFunction has AuthType NONE: anyone can invoke it. |\n"));
    assert.ok(out.includes("| medium | `iam-wildcard-action` | `template.yaml:17` | The policy of ApiFunction allows Action '\\*' on Resource '\\*'. |\n"));
    assert.ok(out.includes('| info | `samconfig-missing` | `samconfig.toml` | samconfig.toml is empty. |\n'));
  });

  it('shows at most 20 rows and says how many more there are', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const many = Array.from({ length: 23 }, (_, i) => ({ ...first, fingerprint: `fp${i}`, message: `m${i}` }));
    const out = markdown({ ...scanResult(), findings: many });
    assert.equal(out.split('\n').filter((l) => l.startsWith('| info | `')).length, 20);
    assert.ok(out.includes('\n…and 3 more in the details below.\n'));
  });

  it('gives each finding a details block with related places and flow steps', () => {
    const base = scanResult();
    const flowing = base.findings.map((f) =>
      f.ruleId === 'function-url-without-auth'
        ? { ...f, flow: [{ loc: { file: 'src/a.js', line: 3, column: 1 }, message: 'event.body' }, { loc: { file: 'src/a.js', line: 9, column: 5 }, message: 'exec(cmd)' }] }
        : f,
    );
    const expected = [
      '<details>',
      '<summary>critical: function-url-without-auth at template.yaml:10</summary>',
      '',
      '**Function URL without authentication**',
      '',
      'The function URL of ApiFunction has AuthType NONE: anyone can invoke it.',
      '',
      'Related:',
      '- `template.yaml:4` The function ApiFunction',
      '',
      'Flow:',
      '1. `src/a.js:3` event.body',
      '2. `src/a.js:9` exec(cmd)',
      '',
      '</details>',
    ].join('\n');
    assert.ok(markdown({ ...base, findings: flowing }).includes(expected));
  });

  it('ends with the input problems', () => {
    assert.ok(markdown().endsWith('### Input problems (1)\n\n- error `broken.yaml:3` Unknown tag !Foo (`unknown-tag`)\n'));
  });

  it('neutralises HTML and table breaks from the scanned project', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const hostile = { ...first, message: '<img src=x> | [x](http://e) line\nbreak' };
    const out = markdown({ ...scanResult(), findings: [hostile], diagnostics: [] });
    // The line break is shown escaped, its backslash escaped for Markdown.
    assert.ok(out.includes('| &lt;img src=x&gt; \\| \\[x\\](http://e) line\\\\x0abreak |'));
    assert.ok(!out.includes('<img'));
  });

  it('shows control characters from the scanned project as visible escapes (found by fuzzing)', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const hostile = {
      ...first,
      message: 'Function \u0000 has \u001b[31mred\u001b[0m text \u202eevil',
      location: { ...first.location, file: 'te\u001bmplate.yaml' },
      related: [{ loc: first.location, message: 'bell\u0007' }],
    };
    const diagnostic = { severity: 'warning' as const, code: 'dependency-input', message: 'cannot parse requirement "\u0000==1.0.0"', loc: { file: 'src/requirements.txt', line: 1, column: 1 } };
    const out = markdown({ ...scanResult(), findings: [hostile], diagnostics: [diagnostic] });
    assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(out.includes('| Function \\\\x00 has \\\\x1b\\[31mred\\\\x1b\\[0m text \\\\u202eevil |'), out);
    assert.ok(out.includes('`te\\x1bmplate.yaml`'), out);
    assert.ok(out.includes('cannot parse requirement "\\\\x00==1.0.0"'), out);
  });

  it('says so when there are no findings', () => {
    assert.equal(markdown({ ...scanResult(), findings: [], diagnostics: [], templates: ['t.yaml'] }), '## faasguard: no findings\n\n1 template scanned.\n');
  });
});
