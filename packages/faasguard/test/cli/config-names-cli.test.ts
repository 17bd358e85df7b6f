/**
 * Configuration files as a user names them (child process): every accepted name is read, a file
 * of a near name is reported on stderr in one line (never ignored in silence), `failOn: none`,
 * and the schema reachable by editors: exported by the package and named by `faasguard init`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { CONFIG_FILE_NAMES } from '../../src/config/find-config.js';
import { isNearName } from '../../src/config/near-config-names.js';
import { GOOD_TEMPLATE } from '../helpers/hostile-templates.js';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { removeProject, tempRepo, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

/** A project with findings (2 high, 4 medium, 5 low) under its own `.git` root. */
function repo(files: ProjectFiles): string {
  const dir = tempRepo({ 'template.yaml': GOOD_TEMPLATE, ...files });
  made.push(dir);
  return dir;
}

function scan(dir: string, ...flags: string[]) {
  return runCliProcess(['scan', dir, '--format', 'json', '--no-cache', ...flags]);
}

const NAMES_LINE = 'configuration files are named faasguard.config.yaml, faasguard.config.yml, faasguard.config.json, .faasguard.yaml or .faasguard.yml';

describe('configuration file names', () => {
  for (const name of CONFIG_FILE_NAMES) {
    it(`reads ${name}`, () => {
      const text = name.endsWith('.json') ? '{"$schema": "./schema.json", "failOn": "critical"}' : 'failOn: critical\n';
      const { code, err } = scan(repo({ [name]: text }));
      assert.equal(code, 0, err);
      assert.doesNotMatch(err, /not read/);
    });
  }

  it('takes failOn: none: findings never fail the run', () => {
    const { code, out } = scan(repo({ 'faasguard.config.yaml': 'failOn: none\n' }));
    assert.equal(code, 0);
    assert.equal((JSON.parse(out) as { findings: unknown[] }).findings.length, 11);
  });

  for (const name of ['faasguard.yaml', 'faasguard.config.toml', '.faasguardrc', 'faasguard-config.yaml', '.faasguard.json', 'Faasguard.config.yaml']) {
    it(`reports ${name} on stderr in one line, and does not read it`, () => {
      const dir = repo({ [name]: 'failOn: critical\n' });
      const { code, err } = scan(dir, '--quiet');
      assert.equal(code, 1, 'the file was read');
      assert.equal(err, `faasguard: found ${path.join(dir, name)}: not read; ${NAMES_LINE}\n`);
    });
  }

  it('reports near names in the parents it searches, for map and policy too, but not with --no-config or --config', () => {
    const dir = repo({ 'faasguard.yml': '', 'services/api/template.yaml': GOOD_TEMPLATE });
    const api = path.join(dir, 'services', 'api');
    for (const command of ['map', 'policy', 'baseline']) {
      const r = runCliProcess([command, api, '-q', ...(command === 'baseline' ? ['-o', path.join(dir, 'b.json')] : [])]);
      assert.match(r.err, /^faasguard: found .*faasguard\.yml: not read; configuration files are named /m, command);
    }
    assert.doesNotMatch(scan(api, '--no-config').err, /not read/);
    fs.writeFileSync(path.join(dir, 'chosen.yaml'), 'failOn: none\n');
    assert.doesNotMatch(scan(api, '--config', path.join(dir, 'chosen.yaml')).err, /not read/);
  });

  it('stays quiet about backups, code and other tools\' files', () => {
    const names = ['.faasguard.yml.bak', 'faasguard.config.yaml~', 'faasguard.py', '.faasguard-baseline.json', 'serverless.yml', 'guard.yaml'];
    const { code, err } = scan(repo(Object.fromEntries(names.map((n) => [n, 'x: 1\n']))), '--quiet');
    assert.equal(code, 1);
    assert.equal(err, '');
  });

  it('isNearName: a few edits from an accepted name, or its stem with another extension', () => {
    for (const name of ['faasguard.config.yam', 'faasgaurd.config.yaml', '.faasguard', 'faasguard.config.js', '.faasguardrc.json', 'faasguard.toml']) assert.ok(isNearName(name), name);
    for (const name of [...CONFIG_FILE_NAMES, 'faasguard.js', 'README.md', 'template.yaml', 'faasguard-report.sarif']) assert.ok(!isNearName(name), name);
  });
});

describe('the configuration schema', () => {
  it('is exported by the package as faasguard/schema/config.json', () => {
    const resolved = createRequire(path.join(REPO_ROOT, 'index.js')).resolve('faasguard/schema/config.json');
    assert.equal(fs.realpathSync(resolved), fs.realpathSync(path.join(PACKAGE_ROOT, 'schema', 'faasguard-config.schema.json')));
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('schema'));
  });

  it('allows failOn none', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'schema', 'faasguard-config.schema.json'), 'utf8')) as { properties: { failOn: { enum: string[] } } };
    assert.ok(schema.properties.failOn.enum.includes('none'));
  });

  it('is named on the first line of the file faasguard init writes, relative to it when faasguard is installed', () => {
    const dir = repo({ 'node_modules/faasguard/schema/faasguard-config.schema.json': '{}', 'app/.keep': '' });
    const { code } = runCliProcess(['init', path.join(dir, 'app')]);
    assert.equal(code, 0);
    const first = fs.readFileSync(path.join(dir, 'app', 'faasguard.config.yaml'), 'utf8').split('\n')[0]!;
    assert.equal(first, '# yaml-language-server: $schema=../node_modules/faasguard/schema/faasguard-config.schema.json');
    assert.ok(fs.existsSync(path.resolve(dir, 'app', first.split('$schema=')[1]!)));
  });

  it('is named at the usual place when faasguard is not installed near the folder', () => {
    const dir = repo({});
    assert.equal(runCliProcess(['init', dir]).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'faasguard.config.yaml'), 'utf8'), /^# yaml-language-server: \$schema=node_modules\/faasguard\/schema\/faasguard-config\.schema\.json\n/);
  });
});
