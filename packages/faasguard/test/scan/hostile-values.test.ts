/**
 * One bad value never stops the scan: a `${file()}` naming a directory, intrinsic functions given
 * maps, keys named like Object.prototype members (`__proto__`, `toString`, `constructor`), an
 * unparsable or alias-bomb serverless.yml. Each is a diagnostic at its file and line, and the
 * findings of the rest of the scan are still reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { discoverFiles } from '../../src/discover/discover.js';
import { ModelBuilder } from '../../src/loaders/model-builder.js';
import type { LambdaFunction } from '../../src/model/app-model.js';
import { renderReport } from '../../src/report/reporter.js';
import { findRule } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { loadAllFormats } from '../../src/scan/load-formats.js';
import { renderMap } from '../../src/map/render-map.js';
import { scan } from '../../src/scan/scan.js';
import { CIDR_WITH_MAP, EQUALS_WITH_MAP, GOOD_TEMPLATE, PROTOTYPE_KEYS, SERVERLESS_PROTOTYPE_KEYS } from '../helpers/hostile-templates.js';
import { lineOf, removeProject, tempProject, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

function project(files: ProjectFiles): string {
  const dir = tempProject(files);
  made.push(dir);
  return dir;
}

function diagnosticAt(diagnostics: readonly Diagnostic[], file: string, line: number): Diagnostic | undefined {
  return diagnostics.find((d) => d.loc.file === file && d.loc.line === line);
}

function assertGoodFinding(findings: ReadonlyArray<{ ruleId: string; location: { file: string } }>): void {
  assert.ok(
    findings.some((f) => f.ruleId === 'api-route-without-auth' && f.location.file === 'good/template.yaml'),
    `the other template's finding is still reported: ${JSON.stringify(findings.map((f) => [f.ruleId, f.location.file]))}`,
  );
}

/** Scans, then renders the HTML report and the attack-surface map, which must not throw either. */
async function scanAll(dir: string) {
  const result = await scan(dir);
  assert.ok(renderReport(result, 'html', { color: false }).includes('<html'));
  assert.ok(renderMap(result.attackSurface().map, 'text').length > 0);
  assert.deepEqual(result.diagnostics.filter((d) => d.code === 'load-failed' || d.code === 'rule-failed'), [], 'no part of the scan failed');
  return result;
}

describe('hostile values: the scan goes on', () => {
  it('${file()} naming a directory is a diagnostic at the variable, and the service is still loaded', async () => {
    const sls = `service: svc
provider:
  name: aws
  runtime: nodejs20.x
custom: \${file(./adir)}
functions:
  hello:
    handler: handler.hello
    events:
      - http:
          path: /hello
          method: get
`;
    const dir = project({ 'svc/serverless.yml': sls, 'good/template.yaml': GOOD_TEMPLATE });
    fs.mkdirSync(path.join(dir, 'svc', 'adir'));
    const result = await scanAll(dir);
    const d = diagnosticAt(result.diagnostics, 'svc/serverless.yml', lineOf(sls, 'custom:'));
    assert.equal(d?.code, 'not-a-regular-file', JSON.stringify(result.diagnostics));
    assert.equal(d?.severity, 'error');
    assert.match(d!.message, /file\(\.\/adir\).*directory/);
    assertGoodFinding(result.findings);
    assert.ok(result.findings.some((f) => f.ruleId === 'api-route-without-auth' && f.location.file === 'svc/serverless.yml'), 'the service itself is still scanned');
  });

  it('AWS::Include and DefinitionUri naming a directory are diagnostics at the reference', async () => {
    const tpl = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: ./adir
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: ./adir
`;
    const dir = project({ 'inc/template.yaml': tpl, 'good/template.yaml': GOOD_TEMPLATE });
    fs.mkdirSync(path.join(dir, 'inc', 'adir'));
    const result = await scanAll(dir);
    const d = diagnosticAt(result.diagnostics, 'inc/template.yaml', lineOf(tpl, 'DefinitionUri'));
    assert.equal(d?.code, 'not-a-regular-file', JSON.stringify(result.diagnostics));
    assert.equal(d?.severity, 'error');
    assertGoodFinding(result.findings);
  });

  it('Fn::Cidr given a map is unknown, with a diagnostic at its line', async () => {
    const dir = project({ 'net/template.yaml': CIDR_WITH_MAP, 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scanAll(dir);
    assert.equal(diagnosticAt(result.diagnostics, 'net/template.yaml', lineOf(CIDR_WITH_MAP, 'CidrBlock'))?.code, 'broken-reference');
    assert.equal(diagnosticAt(result.diagnostics, 'net/template.yaml', lineOf(CIDR_WITH_MAP, 'KmsMasterKeyId'))?.code, 'broken-reference');
    assertGoodFinding(result.findings);
  });

  it('Fn::Equals given maps is a diagnostic at its line; the conditions are unknown', async () => {
    const dir = project({ 'cond/template.yaml': EQUALS_WITH_MAP, 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scanAll(dir);
    assert.equal(diagnosticAt(result.diagnostics, 'cond/template.yaml', lineOf(EQUALS_WITH_MAP, 'Odd:'))?.code, 'broken-reference');
    assert.equal(diagnosticAt(result.diagnostics, 'cond/template.yaml', lineOf(EQUALS_WITH_MAP, 'Odder:'))?.code, 'broken-reference');
    assertGoodFinding(result.findings);
  });

  it('keys named __proto__, toString and constructor in a SAM template are data, not the object prototype', async () => {
    const dir = project({ 'proto/template.yaml': PROTOTYPE_KEYS, 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scanAll(dir);
    const file = 'proto/template.yaml';
    assert.equal(diagnosticAt(result.diagnostics, file, lineOf(PROTOTYPE_KEYS, 'Odd:'))?.code, 'unknown-event-type');
    assert.equal(diagnosticAt(result.diagnostics, file, lineOf(PROTOTYPE_KEYS, 'Odder:'))?.code, 'unknown-event-type');
    assert.equal(diagnosticAt(result.diagnostics, file, lineOf(PROTOTYPE_KEYS, 'Path: !Sub'))?.code, 'broken-reference');
    // `__proto__: {Auth: …}` is an unknown property: the route is still without authorization.
    const route = result.findings.find((f) => f.ruleId === 'api-route-without-auth' && f.location.file === file);
    assert.ok(route, JSON.stringify(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line])));
    assert.match(route.message, /\/proto/);
    assertGoodFinding(result.findings);
  });

  it('event types named __proto__ and toString in serverless.yml are unsupported events, and the http event is still loaded', async () => {
    const dir = project({ 'sls/serverless.yml': SERVERLESS_PROTOTYPE_KEYS, 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scanAll(dir);
    const file = 'sls/serverless.yml';
    assert.equal(diagnosticAt(result.diagnostics, file, lineOf(SERVERLESS_PROTOTYPE_KEYS, '- toString'))?.code, 'unsupported-event');
    assert.equal(diagnosticAt(result.diagnostics, file, lineOf(SERVERLESS_PROTOTYPE_KEYS, '- __proto__'))?.code, 'unsupported-event');
    assert.ok(result.findings.some((f) => f.ruleId === 'api-route-without-auth' && f.location.file === file));
    assertGoodFinding(result.findings);
  });

  it('an unparsable serverless.yml is reported at its line, never skipped in silence', async () => {
    const sls = 'service: svc\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: h: x\n    memorySize: 128\n';
    const dir = project({ 'sls/serverless.yml': sls, 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scan(dir);
    const d = result.diagnostics.find((x) => x.loc.file === 'sls/serverless.yml');
    assert.equal(d?.code, 'yaml-syntax', JSON.stringify(result.diagnostics));
    assert.equal(d!.loc.line, lineOf(sls, 'handler:'));
    assertGoodFinding(result.findings);
  });

  it('a serverless.yml alias bomb is reported, never skipped in silence', async () => {
    const lines = ['service: svc', 'provider:', '  name: aws', 'custom:', '  a: &a [x,x,x,x,x,x,x,x,x]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    lines.push('functions:', '  hello:', '    handler: h.h', '    tags: *i', '');
    const dir = project({ 'sls/serverless.yml': lines.join('\n'), 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scan(dir);
    const d = result.diagnostics.find((x) => x.loc.file === 'sls/serverless.yml');
    assert.equal(d?.code, 'input-too-complex', JSON.stringify(result.diagnostics));
    assert.ok(d!.loc.line >= 1);
    assertGoodFinding(result.findings);
  });
});

/** A model builder that fails on one function, as a loader meeting a value nobody foresaw would. */
class FailingBuilder extends ModelBuilder {
  override addFunction(f: LambdaFunction): void {
    if (f.logicalId === 'Boom') throw new TypeError('x.startsWith is not a function');
    super.addFunction(f);
  }
}

describe('a loader that fails costs its file only', () => {
  it('reports load-failed naming the file and loads the other templates', async () => {
    const boom = GOOD_TEMPLATE.replace('  Open:', '  Boom:');
    const dir = project({ 'boom/template.yaml': boom, 'good/template.yaml': GOOD_TEMPLATE });
    const builder = new FailingBuilder();
    const { files } = await discoverFiles(dir);
    const loaded = await loadAllFormats(dir, files, { paramsFor: () => new Map(), maxFileSize: 1_000_000, serverless: {}, synth: false }, builder);
    const failed = loaded.diagnostics.filter((d) => d.code === 'load-failed');
    assert.deepEqual(failed.map((d) => [d.loc.file, d.severity]), [['boom/template.yaml', 'error']]);
    assert.match(failed[0]!.message, /startsWith is not a function/);
    assert.deepEqual(builder.model.functions.map((f) => f.id), ['good/template.yaml/Open']);
  });
});

describe('a rule that fails costs its own findings only', () => {
  it('reports rule-failed and keeps the findings of the other rules', async () => {
    const real = findRule('api-route-without-auth')!;
    const failing: Rule = { meta: { ...real.meta, id: 'always-fails' }, check: () => { throw new TypeError('Cannot convert object to primitive value'); } };
    const dir = project({ 'good/template.yaml': GOOD_TEMPLATE });
    const result = await scan(dir, { rules: [failing, real] });
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'rule-failed').map((d) => d.message), ['rule always-fails failed: Cannot convert object to primitive value']);
    assertGoodFinding(result.findings);
  });
});

describe('a glob in ${file()} cannot hang the scan', () => {
  it('matches *a*a…*b against long file names and merges the files it names', async () => {
    const sls = `service: svc
provider:
  name: aws
  runtime: nodejs20.x
functions: \${file(./fns/${'*a'.repeat(30)}*b.yml)}
`;
    const fn = (name: string): string => `${name}:\n  handler: handler.${name}\n  events:\n    - http:\n        path: /${name}\n        method: get\n`;
    const dir = project({ 'serverless.yml': sls, [`fns/${'a'.repeat(200)}.yml`]: fn('skipped'), [`fns/${'a'.repeat(200)}b.yml`]: fn('kept') });
    const result = await scan(dir);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'api-route-without-auth').map((f) => f.message.match(/\/\w+/)?.[0]), ['/kept']);
  });
});
