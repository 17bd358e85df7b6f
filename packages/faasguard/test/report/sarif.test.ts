import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../src/report/reporter.js';
import { pascalCase, ruleName } from '../../src/report/sarif-rules.js';
import type { SarifLog } from '../../src/report/sarif-types.js';
import { scanResult } from '../fixtures/report/scan-result.js';
import { multitoolProblems, requireMultitool, validateSarifSchema } from './validators.js';

function sarifText(): string {
  return renderReport(scanResult(), 'sarif', { color: false });
}

function sarif(): SarifLog {
  return JSON.parse(sarifText()) as SarifLog;
}

function run() {
  const [only] = sarif().runs;
  assert.ok(only);
  return only;
}

describe('sarif report', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.deepEqual(validateSarifSchema(sarif()), []);
  });

  it('passes Sarif.Multitool validate without errors or warnings', (t) => {
    const bin = requireMultitool(t);
    if (bin === undefined) return;
    assert.deepEqual(multitoolProblems(bin, sarifText()), []);
  });

  it('describes the tool and every rule', () => {
    const { driver } = run().tool;
    assert.equal(driver.name, 'faasguard');
    assert.equal(driver.version, '0.1.0');
    assert.equal(driver.informationUri, 'https://github.com/faasguard/faasguard');
    const rule = driver.rules.find((r) => r.id === 'function-url-without-auth');
    assert.ok(rule);
    assert.equal(rule.name, 'FunctionUrlWithoutAuth');
    assert.equal(rule.shortDescription.text, 'Function URL without authentication');
    assert.ok(rule.help.text.includes('AuthType: AWS_IAM'));
    assert.ok(rule.help.markdown?.includes('## Remediation'));
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    assert.equal(rule.properties['security-severity'], '9.5');
    assert.ok(rule.properties.tags.includes('security'));
    assert.deepEqual(rule.properties.tags, ['security', 'SAS-2', 'external/cwe/cwe-306']);
    assert.equal(rule.helpUri, 'https://github.com/faasguard/faasguard/blob/main/docs/rules/function-url-without-auth.md');
  });

  it('maps severities to levels and security-severity', () => {
    const rules = new Map(run().tool.driver.rules.map((r) => [r.id, r]));
    const expected: [string, string, string][] = [
      ['function-url-without-auth', 'error', '9.5'],
      ['plaintext-secret-in-environment', 'error', '8.0'],
      ['iam-wildcard-action', 'warning', '5.5'],
      ['samconfig-missing', 'note', '0.0'],
    ];
    for (const [id, level, score] of expected) {
      assert.equal(rules.get(id)?.defaultConfiguration.level, level, id);
      assert.equal(rules.get(id)?.properties['security-severity'], score, id);
    }
    assert.deepEqual(run().results.map((r) => r.level), ['error', 'error', 'warning', 'note']);
  });

  it('points each result at its rule, place and fingerprint', () => {
    const { results, tool } = run();
    for (const r of results) assert.equal(tool.driver.rules[r.ruleIndex]?.id, r.ruleId);
    const [critical] = results;
    assert.ok(critical);
    assert.deepEqual(critical.locations, [
      // No end in the finding: the region runs to the end of `        AuthType: NONE`.
      { physicalLocation: { artifactLocation: { uri: 'template.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 19, endLine: 10, endColumn: 23 } } },
    ]);
    assert.deepEqual(critical.partialFingerprints, { 'faasguard/v1': 'aaaa0000aaaa0000aaaa0000aaaa0000' });
  });

  it('numbers related locations and keeps their messages', () => {
    const medium = run().results.find((r) => r.ruleId === 'iam-wildcard-action');
    assert.ok(medium);
    assert.deepEqual(
      medium.relatedLocations?.map((l) => [l.id, l.physicalLocation.region?.startLine, l.message?.text]),
      [
        [1, 4, 'The function ApiFunction'],
        [2, 18, "Resource '*'"],
      ],
    );
    assert.deepEqual(medium.locations[0]?.physicalLocation.region, { startLine: 17, startColumn: 23, endLine: 17, endColumn: 26 });
  });

  it('places a finding about a whole file on its first line, one character when the file cannot be read', () => {
    const info = run().results.find((r) => r.ruleId === 'samconfig-missing');
    assert.deepEqual(info?.locations[0]?.physicalLocation, { artifactLocation: { uri: 'samconfig.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } });
    assert.equal(info && 'relatedLocations' in info, false);
  });

  it('keeps a run with warnings only successful', () => {
    const result = scanResult();
    const warnings = result.diagnostics.map((d) => ({ ...d, severity: 'warning' as const }));
    const log = JSON.parse(renderReport({ ...result, diagnostics: warnings }, 'sarif', { color: false })) as SarifLog;
    assert.deepEqual(validateSarifSchema(log), []);
    const [invocation] = log.runs[0]!.invocations;
    assert.equal(invocation!.executionSuccessful, true);
    assert.deepEqual(invocation!.toolExecutionNotifications.map((n) => [n.level, n.descriptor.id]), [['warning', 'unknown-tag']]);
  });

  it('reports diagnostics as tool execution notifications of a run that an error left incomplete', () => {
    const [invocation] = run().invocations;
    assert.ok(invocation);
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications, [
      {
        level: 'error',
        message: { text: 'Unknown tag !Foo' },
        descriptor: { id: 'unknown-tag' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5 } } }],
      },
    ]);
  });

  it('declares %SRCROOT% without an absolute path', () => {
    const bases = run().originalUriBaseIds;
    assert.deepEqual(Object.keys(bases), ['%SRCROOT%']);
    assert.equal('uri' in (bases['%SRCROOT%'] ?? {}), false);
  });

  it('percent-encodes paths into relative URIs', () => {
    const base = scanResult();
    const [first] = base.findings;
    assert.ok(first);
    const odd = { ...first, location: { file: 'my stack/a#b:c.yaml', line: 1, column: 1 }, related: [] };
    const log = JSON.parse(renderReport({ ...base, findings: [odd] }, 'sarif', { color: false })) as SarifLog;
    assert.equal(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'my%20stack/a%23b%3Ac.yaml');
    assert.deepEqual(validateSarifSchema(log), []);
  });

  it('describes a rule a finding names even when the result lacks its metadata', () => {
    const base = scanResult();
    const log = JSON.parse(renderReport({ ...base, rules: [] }, 'sarif', { color: false })) as SarifLog;
    const { results, tool } = log.runs[0] ?? run();
    for (const r of results) assert.equal(tool.driver.rules[r.ruleIndex]?.id, r.ruleId);
    assert.deepEqual(validateSarifSchema(log), []);
  });

  it('writes paths from the root the options give, reading sources by their new paths', () => {
    const base = scanResult();
    const note = { severity: 'note' as const, code: 'baseline-applied', message: 'baseline', loc: { file: '../faasguard-baseline.json', line: 0, column: 0 } };
    const elsewhere = { ...note, loc: { file: '../../../tmp/kept.json', line: 0, column: 0 } };
    const text = renderReport({ ...base, target: 'infra', diagnostics: [...base.diagnostics, note, elsewhere] }, 'sarif', { color: false, paths: { root: 'repository', scanFolder: 'infra/app' } });
    const [only] = (JSON.parse(text) as SarifLog).runs;
    assert.deepEqual(validateSarifSchema(JSON.parse(text)), []);
    assert.equal(only!.originalUriBaseIds['%SRCROOT%']?.description.text, 'The root of the repository that holds the scanned directory (infra) at infra/app');
    const critical = only!.results[0]!.locations[0]!.physicalLocation;
    // The end of the line comes from the source, read through its new path.
    assert.deepEqual(critical, { artifactLocation: { uri: 'infra/app/template.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 19, endLine: 10, endColumn: 23 } });
    const notes = only!.invocations[0]!.toolExecutionNotifications.map((n) => [n.message.text, n.locations?.[0]?.physicalLocation.artifactLocation.uri]);
    // A file inside the root is named from it; one outside it has no location.
    assert.deepEqual(notes, [['baseline', undefined], ['Unknown tag !Foo', 'infra/app/broken.yaml'], ['baseline', 'infra/faasguard-baseline.json']]);
  });

  it('names rules in PascalCase, from the title when the id is one word', () => {
    assert.equal(pascalCase('function-url-without-auth'), 'FunctionUrlWithoutAuth');
    assert.equal(pascalCase('s3-bucket-public'), 'S3BucketPublic');
    assert.equal(ruleName({ id: 'function-url-without-auth', title: 'Function URL without authentication' }), 'FunctionUrlWithoutAuth');
    assert.equal(ruleName({ id: 'ssrf', title: 'Server-side request forgery: event data chooses where the function connects' }), 'ServerSideRequestForgery');
  });
});
