/**
 * `baseline`, `map` and `policy` treat a template that cannot be read as `scan` does (child
 * process): each error one line on stderr, exit 2 unless `--allow-input-errors` or
 * `allowInputErrors: true`; warnings on stderr unless `--quiet`. A mistyped target stops every
 * command before it makes an output folder.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GOOD_TEMPLATE } from '../helpers/hostile-templates.js';
import { runCliProcess } from '../helpers/run-cli.js';
import { removeProject, tempRepo } from '../helpers/temp-project.js';

/** Line 4 is where the parser gives up. */
const BROKEN = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket: [\n';
const BROKEN_LINE = /^faasguard: error bad\.yaml:4: YAML syntax error: .* \[yaml-syntax\]$/m;
const AZURE = 'service: x\nprovider:\n  name: azure\nfunctions:\n  a:\n    handler: h.a\n';
const WARNING_LINE = /^faasguard: warning serverless\.yml:3: .*provider azure.* \[unsupported-provider\]$/m;

let dir = '';
before(() => {
  dir = tempRepo({
    'mixed/good.yaml': GOOD_TEMPLATE,
    'mixed/bad.yaml': BROKEN,
    'allowed/faasguard.config.yaml': 'allowInputErrors: true\n',
    'allowed/good.yaml': GOOD_TEMPLATE,
    'allowed/bad.yaml': BROKEN,
    'warned/template.yaml': GOOD_TEMPLATE,
    'warned/serverless.yml': AZURE,
  });
});
after(() => removeProject(dir));

const at = (...parts: string[]) => path.join(dir, ...parts);

describe('map and policy with a template that cannot be read', () => {
  for (const command of ['map', 'policy']) {
    it(`${command} writes what it could, names the file on stderr, and exits 2`, () => {
      const { code, out, err } = runCliProcess([command, at('mixed')]);
      assert.equal(code, 2);
      assert.match(out, /Open/);
      assert.match(err, BROKEN_LINE);
      assert.equal(err.split('\n').filter((l) => l !== '').length, 1, err);
    });

    it(`${command} exits 0 with --allow-input-errors or allowInputErrors: true, the error still on stderr`, () => {
      for (const args of [[at('mixed'), '--allow-input-errors'], [at('allowed')]]) {
        const { code, err } = runCliProcess([command, ...args]);
        assert.equal(code, 0, err);
        assert.match(err, BROKEN_LINE);
      }
    });

    it(`${command} shows warnings, and hides them with --quiet (-q)`, () => {
      const shown = runCliProcess([command, at('warned')]);
      assert.equal(shown.code, 0);
      assert.match(shown.err, WARNING_LINE);
      for (const quiet of ['--quiet', '-q']) assert.equal(runCliProcess([command, at('warned'), quiet]).err, '');
    });

    it(`${command} --output writes a file (folders made), --no-color is accepted`, () => {
      const file = at('out', command, 'result.txt');
      const { code, out } = runCliProcess([command, at('warned'), '--output', file, '--no-color', '-q']);
      assert.equal(code, 0);
      assert.equal(out, '');
      assert.match(fs.readFileSync(file, 'utf8'), /Open/);
    });
  }
});

describe('baseline with a template that cannot be read', () => {
  it('names the file, writes no baseline and exits 2', () => {
    const file = at('mixed.baseline.json');
    const { code, out, err } = runCliProcess(['baseline', at('mixed'), '--output', file, '--no-cache']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, BROKEN_LINE);
    assert.match(err, /^faasguard: .*mixed\.baseline\.json not written: 1 input error would leave findings out of it \(--allow-input-errors writes it anyway\)$/m);
    assert.equal(fs.existsSync(file), false);
  });

  it('writes it with --allow-input-errors or allowInputErrors: true', () => {
    for (const [target, ...flags] of [[at('mixed'), '--allow-input-errors'], [at('allowed')]]) {
      const file = at(`${path.basename(target!)}-allowed.baseline.json`);
      const { code, out, err } = runCliProcess(['baseline', target!, '--output', file, '--no-cache', ...flags]);
      assert.equal(code, 0, err);
      assert.match(out, /^wrote 11 findings to /);
      assert.match(err, BROKEN_LINE);
      assert.ok(fs.existsSync(file));
    }
  });
});

describe('a mistyped target', () => {
  for (const command of ['scan', 'baseline', 'map', 'policy']) {
    it(`${command} stops before making the --output folder`, () => {
      const folder = at('new', command);
      const { code, err } = runCliProcess([command, at('mixd'), '--output', path.join(folder, 'deeper', 'x.out')]);
      assert.equal(code, 2);
      assert.match(err, /^faasguard: .*mixd is not a directory or a file\n/);
      assert.equal(fs.existsSync(at('new')), false);
    });
  }

  it('scan stops on a bad flag value before making the folder too', () => {
    const { code } = runCliProcess(['scan', at('mixed'), '--exclude', '@(a|b)/**', '--output', at('new', 'x.sarif')]);
    assert.equal(code, 2);
    assert.equal(fs.existsSync(at('new')), false);
  });
});
