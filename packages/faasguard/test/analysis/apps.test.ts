/**
 * Applications side by side: a wildcard grant of one app does not reach another app's sources;
 * an explicit link (an import of the other's export, a literal name) does, and so does nesting.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { publicFunctionWithoutAlarm } from '../../src/rules/monitoring/public-function-without-alarm.js';
import { functionExposedThroughChain } from '../../src/rules/auth/function-exposed-through-chain.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const APPS = path.join(FIXTURES, 'apps');

async function chains(dir: string): Promise<Array<{ file: string; line: number; subject?: string; message: string }>> {
  const result = await scan(path.join(APPS, dir), { rules: [functionExposedThroughChain] });
  return result.findings.map((f) => ({ file: f.location.file, line: f.location.line, subject: f.subject?.logicalId, message: f.message }));
}

async function appsOf(dir: string): Promise<Record<string, string>> {
  const { model } = await loadApp(path.join(APPS, dir));
  return Object.fromEntries(model.stacks.map((s) => [s.file, s.app]));
}

describe('applications', () => {
  it('gives sibling folders apps of their own, and templates of one directory one app', async () => {
    assert.deepEqual(await appsOf('wildcard'), { 'consumer/template.yaml': 'consumer', 'producer/template.yaml': 'producer' });
    assert.deepEqual(await appsOf('side-by-side'), { 'consumer.yaml': '.', 'producer.yaml': '.' });
  });

  it('puts a nested stack in the app of the stack that nests it', async () => {
    assert.deepEqual(await appsOf('nested'), { 'consumer/template.yaml': '.', 'template.yaml': '.' });
  });

  it('does not chain a wildcard grant of one app into a queue of another', async () => {
    assert.deepEqual(await chains('wildcard'), []);
  });

  it('chains a wildcard grant into a queue of its own app', async () => {
    const found = await chains('side-by-side');
    assert.deepEqual(found.map((f) => [f.file, f.line, f.subject]), [['consumer.yaml', 14, 'Worker']]);
  });

  it('chains through a nested stack', async () => {
    const found = await chains('nested');
    assert.deepEqual(found.map((f) => [f.file, f.line, f.subject]), [['consumer/template.yaml', 14, 'Worker']]);
  });

  it('chains into another app through an import of its exported queue ARN', async () => {
    const found = await chains('imported');
    assert.deepEqual(found.map((f) => [f.file, f.line, f.subject]), [['consumer/template.yaml', 14, 'Worker']]);
    assert.match(found[0]!.message, /Intake can write to Orders, which invokes Worker/);
  });

  it('keeps the import of a statement that also grants the wildcard', async () => {
    const found = await chains('mixed');
    assert.deepEqual(found.map((f) => [f.file, f.line, f.subject]), [['consumer/template.yaml', 14, 'Worker']]);
  });

  it('chains into another app through an SSM parameter it writes the queue ARN into', async () => {
    for (const dir of ['ssm', 'ssm-resolve']) {
      const found = await chains(dir);
      assert.deepEqual(found.map((f) => [f.file, f.line, f.subject]), [['consumer/template.yaml', 14, 'Worker']], dir);
    }
  });

  it('chains into another app through a name pattern its queue matches, not through the name of another queue', async () => {
    const glob = await chains('named-glob');
    assert.deepEqual(glob.map((f) => [f.file, f.line, f.subject]), [['consumer/template.yaml', 14, 'Worker']]);
    assert.deepEqual(await chains('named-other'), []);
  });

  it('chains into another app through the literal name of its queue', async () => {
    const found = await chains('named');
    assert.deepEqual(found.map((f) => [f.file, f.line, f.subject]), [['consumer/template.yaml', 14, 'Worker']]);
  });

  it('counts an alarm over every function for the functions of its own app only', async () => {
    const other = await scan(path.join(APPS, 'alarm'), { rules: [publicFunctionWithoutAlarm] });
    assert.deepEqual(other.findings.map((f) => [f.location.file, f.location.line, f.subject?.logicalId]), [['web/template.yaml', 3, 'Webhook']]);
    const same = await scan(path.join(APPS, 'alarm-same-app'), { rules: [publicFunctionWithoutAlarm] });
    assert.deepEqual(same.findings, []);
  });
});
