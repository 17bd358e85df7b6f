/**
 * The command line, run as a child process, on a repository full of bad values: every one is a
 * diagnostic at its file and line, no command fails with an internal error, and the findings of
 * the good template are still there.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';
import { CIDR_WITH_MAP, EQUALS_WITH_MAP, GOOD_TEMPLATE, PROTOTYPE_KEYS, SERVERLESS_PROTOTYPE_KEYS } from '../helpers/hostile-templates.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');

const DIR_VARIABLE = `service: svc
provider:
  name: aws
  runtime: nodejs20.x
custom: \${file(./adir)}
functions:
  hello:
    handler: handler.hello
`;

const UNPARSABLE = 'service: broken\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: h: x\n    memorySize: 128\n';

let dir = '';
before(() => {
  dir = tempProject({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'svc/serverless.yml': DIR_VARIABLE,
    'net/template.yaml': CIDR_WITH_MAP,
    'cond/template.yaml': EQUALS_WITH_MAP,
    'proto/template.yaml': PROTOTYPE_KEYS,
    'sls/serverless.yml': SERVERLESS_PROTOTYPE_KEYS,
    'broken/serverless.yml': UNPARSABLE,
    'good/template.yaml': GOOD_TEMPLATE,
  });
  fs.mkdirSync(path.join(dir, 'svc', 'adir'));
});
after(() => removeProject(dir));

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Where each bad value is: file and line. */
function expectedPlaces(): Array<[string, number]> {
  return [
    ['svc/serverless.yml', lineOf(DIR_VARIABLE, 'custom:')],
    ['net/template.yaml', lineOf(CIDR_WITH_MAP, 'CidrBlock')],
    ['cond/template.yaml', lineOf(EQUALS_WITH_MAP, 'Odd:')],
    ['proto/template.yaml', lineOf(PROTOTYPE_KEYS, 'Odd:')],
    ['sls/serverless.yml', lineOf(SERVERLESS_PROTOTYPE_KEYS, '- toString')],
    ['broken/serverless.yml', lineOf(UNPARSABLE, 'handler:')],
  ];
}

describe('faasguard on hostile values (child process)', () => {
  it('scan --format json: exit 1 for the findings when input errors are allowed, a diagnostic per bad value, the good finding kept', () => {
    const r = run('scan', dir, '--format', 'json', '--no-cache', '--quiet', '--no-config', '--allow-input-errors');
    assert.doesNotMatch(r.err, /internal error/);
    assert.equal(r.code, 1, r.err);
    const report = JSON.parse(r.out) as { findings: Array<{ ruleId: string; location: { file: string } }>; diagnostics: Array<{ code: string; location: { file: string; line: number } }> };
    for (const [file, line] of expectedPlaces()) {
      assert.ok(report.diagnostics.some((d) => d.location.file === file && d.location.line === line), `a diagnostic at ${file}:${line} in ${JSON.stringify(report.diagnostics)}`);
    }
    assert.ok(report.findings.some((f) => f.ruleId === 'api-route-without-auth' && f.location.file === 'good/template.yaml'));
    assert.ok(report.findings.some((f) => f.ruleId === 'api-route-without-auth' && f.location.file === 'proto/template.yaml'));
  });

  it('scan --format html writes the report', () => {
    const out = path.join(dir, 'report.html');
    const r = run('scan', dir, '--format', 'html', '--output', out, '--no-cache', '--quiet', '--no-config');
    assert.doesNotMatch(r.err, /internal error/);
    // The unparsable template makes the scan incomplete.
    assert.equal(r.code, 2, r.err);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.includes('api-route-without-auth'));
    assert.ok(html.includes('svc/serverless.yml'));
  });

  it('map draws the attack surface, names each broken file and line on stderr, and exits 2 for them', () => {
    const r = run('map', dir, '--no-config');
    assert.doesNotMatch(r.err, /internal error/);
    assert.equal(r.code, 2, r.err);
    assert.equal(run('map', dir, '--no-config', '--allow-input-errors').code, 0);
    assert.match(r.out, /Open/);
    for (const [file, line] of [expectedPlaces()[0]!, expectedPlaces()[1]!, expectedPlaces()[5]!]) assert.ok(r.err.includes(`${file}:${line}:`), `${file}:${line} in ${r.err}`);
  });
});

describe('faasguard with hostile exclude globs (child process)', () => {
  it('a glob that backtracks for ever in a regular-expression engine is matched, and the scan ends', () => {
    const project = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', [`${'a'.repeat(200)}.yaml`]: GOOD_TEMPLATE, [`${'a'.repeat(200)}b/template.yaml`]: GOOD_TEMPLATE });
    try {
      const r = run('scan', project, '--exclude', `${'*a'.repeat(30)}*b`, '--format', 'json', '--no-cache', '--quiet', '--no-config');
      assert.equal(r.code, 1, r.err);
      const report = JSON.parse(r.out) as { templates: string[] };
      assert.deepEqual(report.templates, [`${'a'.repeat(200)}.yaml`]);
    } finally {
      removeProject(project);
    }
  });

  it('an extended glob is a usage error naming the flag', () => {
    const r = run('scan', dir, '--exclude', '@(legacy|old)/**', '--no-config');
    assert.equal(r.code, 2);
    assert.match(r.err, /--exclude "@\(legacy\|old\)\/\*\*" cannot be used: extended globs/);
    assert.doesNotMatch(r.err, /internal error/);
  });
});

