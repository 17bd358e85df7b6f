/**
 * The benchmark's app generator: figures are only comparable between runs if the same seed writes
 * the same bytes, and only meaningful if the scanner reads every generated function.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateApp, generateFiles, type GeneratedFile } from '../../bench/generate.js';
import { loadApp, scan } from '../../src/scan/scan.js';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function hashes(files: readonly GeneratedFile[]): string[] {
  return files.map((f) => `${f.rel} ${createHash('sha256').update(f.text).digest('hex')}`);
}

describe('benchmark app generator', () => {
  it('writes the same files for the same seed, and others for another seed', () => {
    const a = hashes(generateFiles({ functions: 20, seed: 7 }));
    assert.deepEqual(hashes(generateFiles({ functions: 20, seed: 7 })), a);
    assert.notDeepEqual(hashes(generateFiles({ functions: 20, seed: 8 })), a);
  });

  it('mixes SAM, Serverless Framework and CDK services', () => {
    const rels = generateFiles({ functions: 20 }).map((f) => f.rel);
    for (const suffix of ['template.yaml', 'serverless.yml', 'cdk.out/manifest.json', 'app.py', 'package-lock.json']) {
      assert.ok(rels.some((r) => r.endsWith(suffix)), suffix);
    }
  });

  it('generates a 20-function app that scans without errors, with every function in the model', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-gen-'));
    made.push(dir);
    generateApp(dir, { functions: 20, seed: 1 });
    const phases: string[] = [];
    const result = await scan(dir, { onPhase: (phase) => void phases.push(phase) });
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(phases, ['discover', 'load', 'analyses', 'rules']);
    assert.equal(result.templates.length, 4);
    assert.equal((await loadApp(dir)).model.functions.length, 20);
    assert.ok(result.findings.some((f) => f.ruleId === 'command-injection'));
  });
});
