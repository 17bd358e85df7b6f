import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSON_SCHEMA_VERSION } from '../../src/report/json.js';
import { renderReport } from '../../src/report/reporter.js';
import { scanResult } from '../fixtures/report/scan-result.js';
import { reportSchema, validateJsonReport } from './validators.js';

interface Parsed {
  schemaVersion: string;
  tool: { name: string; version: string };
  target: string;
  scanRoot: string;
  templates: string[];
  summary: Record<string, number>;
  findings: { ruleId: string; severity: string; location: Record<string, number | string>; subject?: object }[];
  diagnostics: { code: string; location: { line: number } }[];
  rules: Record<string, unknown>[];
}

function json(): Parsed {
  return JSON.parse(renderReport(scanResult(), 'json', { color: false })) as Parsed;
}

describe('json report', () => {
  it('validates against schema/faasguard-report.schema.json', () => {
    assert.deepEqual(validateJsonReport(json()), []);
  });

  it('declares the schema version the schema file pins', () => {
    const schema = reportSchema() as { properties: { schemaVersion: { const: string } } };
    assert.equal(schema.properties.schemaVersion.const, JSON_SCHEMA_VERSION);
    assert.equal(json().schemaVersion, JSON_SCHEMA_VERSION);
  });

  it('has the documented top-level keys in order', () => {
    assert.deepEqual(Object.keys(json()), ['schemaVersion', 'tool', 'target', 'scanRoot', 'templates', 'summary', 'findings', 'diagnostics', 'rules']);
    assert.deepEqual(json().tool, { name: 'faasguard', version: '0.1.0' });
    assert.equal(json().target, '.');
    assert.equal(json().scanRoot, '.');
  });

  it('writes paths from the root the options give, and where the scanned folder stands under it', () => {
    const report = JSON.parse(renderReport(scanResult(), 'json', { color: false, paths: { root: 'repository', scanFolder: 'infra' } })) as Omit<Parsed, 'findings'> & { findings: { location: { file: string }; related: { location: { file: string } }[] }[] };
    assert.deepEqual(validateJsonReport(report), []);
    assert.equal(report.scanRoot, 'infra');
    assert.deepEqual(report.templates, ['infra/broken.yaml', 'infra/template.yaml']);
    assert.deepEqual([...new Set(report.findings.flatMap((f) => [f.location.file, ...f.related.map((r) => r.location.file)]))].sort(), ['infra/samconfig.toml', 'infra/template.yaml']);
  });

  it('counts findings by severity', () => {
    assert.deepEqual(json().summary, { critical: 1, high: 1, medium: 1, low: 0, info: 1, total: 4, suppressed: 0 });
  });

  it('lists findings in severity order, diagnostics and rules', () => {
    const out = json();
    assert.deepEqual(out.findings.map((f) => f.severity), ['critical', 'high', 'medium', 'info']);
    assert.deepEqual(out.diagnostics.map((d) => d.code), ['unknown-tag']);
    assert.deepEqual(Object.keys(out.rules[0] ?? {}), ['id', 'title', 'category', 'cwe', 'severity']);
    assert.deepEqual(out.templates, ['broken.yaml', 'template.yaml']);
  });

  it('omits absent optional fields rather than writing null', () => {
    const out = json();
    const high = out.findings[1];
    assert.ok(high);
    assert.equal('subject' in high, false);
    assert.deepEqual(Object.keys(high.location), ['file', 'line', 'column']);
    assert.deepEqual(Object.keys(out.findings[2]?.location ?? {}), ['file', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('is rejected by the schema when a field is wrong', () => {
    const out = json() as unknown as { findings: { severity: string }[] };
    const first = out.findings[0];
    assert.ok(first);
    first.severity = 'severe';
    assert.notDeepEqual(validateJsonReport(out), []);
  });
});
