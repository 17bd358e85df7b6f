/**
 * Reading a configuration file: YAML and JSON into a FaasguardConfig with absolute paths, and every
 * mistake reported with the file, line and column of the wrong key or value.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../src/config/config-error.js';
import { readConfig } from '../../src/config/read-config.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';

const RULE_IDS = ALL_RULES.map((r) => r.meta.id);
const made: string[] = [];
after(() => made.forEach(removeProject));

/** Writes `text` as `name` in a fresh directory and returns the file's absolute path. */
function configFile(name: string, text: string): string {
  const dir = tempProject({ [name]: text });
  made.push(dir);
  return path.join(dir, name);
}

/** The lines of the error `readConfig` throws, with the directory left out. */
function errorLines(file: string): string[] {
  try {
    readConfig(file, RULE_IDS);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `a ConfigError, not ${(e as Error).name}`);
    return e.message.split('\n').map((l) => l.replace(path.dirname(file) + path.sep, ''));
  }
  assert.fail('the configuration was accepted');
}

const FULL_YAML = `failOn: high
rules:
  function-without-tracing: off
  iam-wildcard-action: critical
  lambda-permission-public: on
exclude:
  - "test/**"
parameters:
  stacks/api.yaml:
    Stage: prod
    Port: 8080
serverless:
  stage: prod
  region: eu-west-1
osv:
  db: .osv/all.zip
  cacheDir: cache
`;

describe('readConfig: valid files', () => {
  it('reads every option of a YAML file, with paths relative to its directory', () => {
    const file = configFile('faasguard.config.yaml', FULL_YAML);
    const dir = path.dirname(file);
    const config = readConfig(file, RULE_IDS);
    assert.equal(config.file, file);
    assert.equal(config.dir, dir);
    assert.equal(config.failOn, 'high');
    assert.deepEqual([...config.rules], [['function-without-tracing', 'off'], ['iam-wildcard-action', 'critical'], ['lambda-permission-public', 'on']]);
    assert.deepEqual(config.exclude, ['test/**']);
    assert.deepEqual(config.parameters, [{ dir, pattern: 'stacks/api.yaml', values: new Map([['Stage', 'prod'], ['Port', '8080']]) }]);
    assert.equal(config.stage, 'prod');
    assert.equal(config.region, 'eu-west-1');
    assert.equal(config.osvDb, path.join(dir, '.osv/all.zip'));
    assert.equal(config.cacheDir, path.join(dir, 'cache'));
  });

  it('reads the same options from JSON, where $schema may name the schema for editors', () => {
    const file = configFile('faasguard.config.json', JSON.stringify({ $schema: './node_modules/faasguard/schema/faasguard-config.schema.json', failOn: 'medium', rules: { 'iam-wildcard-action': 'off' }, exclude: ['legacy/**'] }, null, 2));
    const config = readConfig(file, RULE_IDS);
    assert.equal(config.failOn, 'medium');
    assert.deepEqual([...config.rules], [['iam-wildcard-action', 'off']]);
    assert.deepEqual(config.exclude, ['legacy/**']);
    assert.equal(config.stage, undefined);
  });

  it('takes a file of comments only as an empty configuration', () => {
    const config = readConfig(configFile('.faasguard.yml', '# nothing yet\n'), RULE_IDS);
    assert.deepEqual([config.rules.size, config.exclude, config.parameters, config.failOn], [0, [], [], undefined]);
  });
});

describe('readConfig: mistakes, each at its line and column', () => {
  it('names an unknown key where the key is, with the closest known key', () => {
    const text = 'failOn: high\n\nserverless:\n  stage: prod\n  regoin: eu-west-1\nrulez: {}\n';
    const file = configFile('faasguard.config.yaml', text);
    assert.deepEqual(errorLines(file), [
      `faasguard.config.yaml:${lineOf(text, 'regoin')}:3: unknown key "regoin" (did you mean "region"?)`,
      `faasguard.config.yaml:${lineOf(text, 'rulez')}:1: unknown key "rulez" (did you mean "rules"?)`,
    ]);
  });

  it('suggests nothing for a key far from every known one', () => {
    assert.deepEqual(errorLines(configFile('faasguard.config.yaml', 'colour: red\n')), ['faasguard.config.yaml:1:1: unknown key "colour"']);
  });

  it('names a bad value where the value is, with what was expected', () => {
    const text = 'failOn: hihg\nexclude: test/**\nparameters:\n  api.yaml:\n    Stage: [prod]\nserverless:\n  stage: ""\n';
    assert.deepEqual(errorLines(configFile('faasguard.config.yaml', text)), [
      'faasguard.config.yaml:1:9: "hihg" is not one of critical, high, medium, low, info, none (did you mean "high"?)',
      'faasguard.config.yaml:2:10: expected a list, got "test/**"',
      'faasguard.config.yaml:5:12: expected a string, a number or true or false, got a list',
      'faasguard.config.yaml:7:10: must not be empty',
    ]);
  });

  it('rejects a rule id faasguard does not have, and a setting that is not off, on or a severity', () => {
    const text = 'rules:\n  function-without-tracin: off\n  iam-wildcard-action: disabled\n';
    assert.deepEqual(errorLines(configFile('faasguard.config.yaml', text)), [
      `faasguard.config.yaml:2:3: unknown rule "function-without-tracin" (did you mean "function-without-tracing"?); 'faasguard rules' lists them`,
      'faasguard.config.yaml:3:24: "disabled" is not one of off, on, critical, high, medium, low, info',
    ]);
  });

  it('rejects a key given twice', () => {
    assert.deepEqual(errorLines(configFile('faasguard.config.yaml', 'failOn: low\nfailOn: high\n')), ['faasguard.config.yaml:2:1: duplicate key "failOn": the value given at line 1 is replaced by this one']);
  });

  it('positions errors in JSON files too', () => {
    const text = '{\n  "failOn": "high",\n  "exlude": ["x"]\n}\n';
    assert.deepEqual(errorLines(configFile('faasguard.config.json', text)), ['faasguard.config.json:3:3: unknown key "exlude" (did you mean "exclude"?)']);
  });

  it('reports syntax errors with their position', () => {
    assert.deepEqual(errorLines(configFile('faasguard.config.json', '{\n  "failOn": "high",\n}\n')), ['faasguard.config.json:3:1: JSON syntax error: PropertyNameExpected']);
    const [yamlError] = errorLines(configFile('faasguard.config.yaml', 'rules:\n  a: [off\n'));
    assert.match(yamlError!, /^faasguard\.config\.yaml:\d+:\d+: YAML syntax error: /);
  });

  it('expects a mapping at the top', () => {
    assert.deepEqual(errorLines(configFile('faasguard.config.yaml', '- failOn\n')), ['faasguard.config.yaml:1:1: expected a mapping of keys to values, got a list']);
  });

  it('says when the file cannot be read', () => {
    const file = path.join(configFile('faasguard.config.yaml', ''), '..', 'missing.yaml');
    assert.deepEqual(errorLines(file), ['missing.yaml: cannot be read (ENOENT)']);
  });
});

describe('readConfig: globs that cannot be used', () => {
  it('reports an extended or overlong exclude glob and parameters pattern at its line', () => {
    const long = `${'*a'.repeat(600)}*b`;
    const text = `exclude:\n  - "legacy/**"\n  - "@(a|b)/**"\n  - "${long}"\nparameters:\n  "+(x).yaml":\n    Stage: prod\n`;
    assert.deepEqual(errorLines(configFile('faasguard.config.yaml', text)), [
      'faasguard.config.yaml:3:5: exclude glob "@(a|b)/**" cannot be used: extended globs such as @(a|b) or +(a) are not supported',
      `faasguard.config.yaml:4:5: exclude glob "${long.slice(0, 57)}..." cannot be used: longer than 1024 characters`,
      'faasguard.config.yaml:6:3: parameters pattern "+(x).yaml" cannot be used: extended globs such as @(a|b) or +(a) are not supported',
    ]);
  });
});

