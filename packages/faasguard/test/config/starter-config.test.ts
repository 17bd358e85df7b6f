/**
 * The starter configuration of `faasguard init`: valid as written (all commented out), and valid
 * with every example uncommented.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readConfig } from '../../src/config/read-config.js';
import { STARTER_OPTIONS, starterConfig } from '../../src/config/starter-config.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const RULE_IDS = ALL_RULES.map((r) => r.meta.id);
const made: string[] = [];
after(() => made.forEach(removeProject));

function read(text: string) {
  const dir = tempProject({ 'faasguard.config.yaml': text });
  made.push(dir);
  return readConfig(path.join(dir, 'faasguard.config.yaml'), RULE_IDS);
}

/** Every block after the header: its first line explains, the others are the example, commented out. */
function uncommented(text: string): string {
  const [, ...blocks] = text.trimEnd().split('\n\n');
  return blocks.map((block) => block.split('\n').slice(1).map((line) => line.replace(/^# /, '')).join('\n')).join('\n') + '\n';
}

describe('starterConfig', () => {
  it('is all comments, and configures nothing', () => {
    const text = starterConfig();
    assert.ok(text.split('\n').every((line) => line === '' || line.startsWith('#')));
    const config = read(text);
    assert.deepEqual([config.rules.size, config.exclude.length, config.parameters.length, config.failOn], [0, 0, 0, undefined]);
  });

  it('explains every option in one line above its example', () => {
    for (const option of STARTER_OPTIONS) {
      assert.ok(starterConfig().includes(`# ${option.explanation}\n# ${option.example[0]}\n`), option.explanation);
      assert.ok(!option.explanation.includes('\n'));
    }
  });

  it('is a valid configuration with every example uncommented', () => {
    const config = read(uncommented(starterConfig()));
    assert.equal(config.failOn, 'high');
    assert.deepEqual([...config.rules], [['function-without-tracing', 'off'], ['iam-wildcard-action', 'critical']]);
    assert.deepEqual(config.exclude, ['test/**', '**/fixtures/**']);
    assert.deepEqual(config.parameters.map((p) => [p.pattern, [...p.values]]), [['stacks/api.yaml', [['Stage', 'prod']]], ['**/*.yaml', [['AWS::Region', 'eu-west-1']]]]);
    assert.deepEqual([config.stage, config.region], ['prod', 'eu-west-1']);
    assert.equal(config.osvDb, path.join(config.dir, '.osv/all.zip'));
    assert.equal(config.cacheDir, path.join(config.dir, '.cache/faasguard'));
  });
});
