/**
 * `action.yml` against the rules of GitHub's action metadata reference: a JSON schema written from
 * that page (test/fixtures/integrations/action-metadata.schema.json), and what a schema cannot say:
 * every input used is declared and every declared one used, each step's `INPUT_*` variable carries
 * the input of its name, and the script reads only inputs the action passes it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';

interface Step {
  id?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const TEXT = fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const ACTION = parse(TEXT) as ActionMetadata;
const SCRIPTS = fs.readdirSync(path.join(REPO_ROOT, 'action')).filter((f) => f.endsWith('.mjs')).map((f) => fs.readFileSync(path.join(REPO_ROOT, 'action', f), 'utf8')).join('\n');

function schemaProblems(data: unknown): string[] {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'integrations/action-metadata.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** `${{ inputs.x }}` and `inputs.x` inside an `if:` expression. */
function inputsUsed(text: string): Set<string> {
  return new Set([...text.matchAll(/\binputs\.([A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]!));
}

/** The `INPUT_*` name a composite step sets for an input (the script reads it, see action/github-env.mjs). */
function envName(input: string): string {
  return `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
}

describe('action.yml', () => {
  it('follows the metadata syntax of a composite action', () => {
    assert.deepEqual(schemaProblems(ACTION), []);
  });

  it('is checked by a schema that refuses what the reference forbids', () => {
    const valid = (): ActionMetadata => structuredClone(ACTION);
    const noDescription = valid() as Partial<ActionMetadata> & { description?: string };
    delete noDescription.description;
    assert.notDeepEqual(schemaProblems(noDescription), []);
    const runWithoutShell = valid();
    runWithoutShell.runs.steps.push({ run: 'echo' } as Step);
    assert.notDeepEqual(schemaProblems(runWithoutShell), []);
    const inputWithoutDescription = valid();
    inputWithoutDescription.inputs['x'] = {} as { description: string };
    assert.notDeepEqual(schemaProblems(inputWithoutDescription), []);
    const outputWithoutValue = valid();
    outputWithoutValue.outputs['x'] = { description: 'x' } as unknown as { value: string };
    assert.notDeepEqual(schemaProblems(outputWithoutValue), []);
  });

  it('declares every input it uses and uses every input it declares', () => {
    const declared = Object.keys(ACTION.inputs).sort();
    assert.deepEqual([...inputsUsed(TEXT)].sort(), declared);
  });

  it('passes each input to the script under its own INPUT_ name, and the script reads no other', () => {
    const passed = new Set<string>();
    for (const step of ACTION.runs.steps) {
      for (const [name, value] of Object.entries(step.env ?? {})) {
        if (!name.startsWith('INPUT_')) continue;
        const used = [...inputsUsed(value)];
        assert.equal(used.length, 1, `${name}: ${value}`);
        assert.equal(name, envName(used[0]!), `${name} carries inputs.${used[0]}`);
        passed.add(used[0]!);
      }
    }
    const read = new Set([...SCRIPTS.matchAll(/\b(?:booleanInput|input)\('([a-z-]+)'/g)].map((m) => m[1]!));
    assert.deepEqual([...read].sort(), [...passed].sort());
  });

  it('uploads the SARIF with GitHub\'s action even when a step before failed, and fails on findings only after it', () => {
    const steps = ACTION.runs.steps;
    const upload = steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload > 0, 'an upload-sarif step');
    assert.match(steps[upload]!.if ?? '', /\balways\(\)/);
    assert.equal(steps[upload]!.with?.['sarif_file'], '${{ steps.scan.outputs.sarif-file }}');
    const verdict = steps.findIndex((s) => s.env?.['FAASGUARD_EXIT_CODE'] !== undefined);
    assert.ok(verdict > upload, 'the verdict step comes after the upload');
    assert.equal(steps.at(-1), steps[verdict]);
  });

  it('maps its outputs to outputs of its steps', () => {
    const ids = new Set(ACTION.runs.steps.map((s) => s.id).filter((id) => id !== undefined));
    for (const [name, output] of Object.entries(ACTION.outputs)) {
      const m = /^\$\{\{ steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+) \}\}$/.exec(output.value);
      assert.ok(m, `${name}: ${output.value}`);
      assert.ok(ids.has(m[1]!), `${name}: no step ${m[1]}`);
    }
  });
});
