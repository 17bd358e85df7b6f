/**
 * Every rule is wired and documented, as ESLint checks its own rules: a module under
 * `src/rules/<risk>/` that exports a rule (a value with `meta.id` and `check`) must be listed in
 * `rules/index.ts` (a rule left out never runs), live in a file named for its id, and have its docs
 * page and its failing and passing fixture folders. Helpers (`privilege-text.ts`, `flow-rule.ts`)
 * export no rule and are told apart by their exports, not by a list. The `CASES` entry of each
 * listed rule is checked by `rules.test.ts`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { ALL_RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { FIXTURES, PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';

/** The compiled rules, beside the compiled tests. */
const RULES_DIR = path.join(PACKAGE_ROOT, 'dist/src/rules');

interface RuleModule {
  /** Relative to the rules folder, without extension: `privilege/iam-wildcard-action` */
  module: string;
  rules: Rule[];
}

function isRule(v: unknown): v is Rule {
  const meta = (v as { meta?: { id?: unknown } } | null)?.meta;
  return typeof v === 'object' && v !== null && typeof meta?.id === 'string' && typeof (v as { check?: unknown }).check === 'function';
}

/** Each module in the risk folders of `dir`, with the rules it exports. */
async function ruleModules(dir: string): Promise<RuleModule[]> {
  const out: RuleModule[] = [];
  for (const risk of readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).sort()) {
    for (const file of readdirSync(path.join(dir, risk)).filter((f) => /\.m?js$/.test(f)).sort()) {
      const exports = (await import(pathToFileURL(path.join(dir, risk, file)).href)) as Record<string, unknown>;
      out.push({ module: `${risk}/${file.replace(/\.m?js$/, '')}`, rules: Object.values(exports).filter(isRule) });
    }
  }
  return out;
}

describe('rule completeness', () => {
  it('tells rules from helpers by their exports', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-rules-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const risk = path.join(dir, 'privilege');
    writeFileSync(path.join(dir, 'index.mjs'), 'export const ALL = [];\n');
    mkdirSync(risk);
    writeFileSync(path.join(risk, 'forgotten-rule.mjs'), "export const forgotten = { meta: { id: 'forgotten-rule' }, check() { return []; } };\n");
    writeFileSync(path.join(risk, 'shared-text.mjs'), "export const TEXT = { meta: 'not a rule' };\nexport function check() {}\n");
    const found = await ruleModules(dir);
    assert.deepEqual(found.map((m) => [m.module, m.rules.map((r) => r.meta.id)]), [
      ['privilege/forgotten-rule', ['forgotten-rule']],
      ['privilege/shared-text', []],
    ]);
  });

  it('lists every rule module in rules/index.ts, one rule per file named for its id', async () => {
    const modules = await ruleModules(RULES_DIR);
    const exported = modules.flatMap((m) => m.rules.map((r) => ({ module: m.module, rule: r })));
    assert.ok(exported.length > 50, `only ${exported.length} rules found under ${RULES_DIR}`);
    const unlisted = exported.filter((e) => !ALL_RULES.includes(e.rule)).map((e) => `${e.module} (${e.rule.meta.id})`);
    assert.deepEqual(unlisted, [], 'rules missing from src/rules/index.ts: they never run');
    const misnamed = exported.filter((e) => path.basename(e.module) !== e.rule.meta.id).map((e) => `${e.module} exports ${e.rule.meta.id}`);
    assert.deepEqual(misnamed, []);
    const listedElsewhere = ALL_RULES.filter((r) => !exported.some((e) => e.rule === r)).map((r) => r.meta.id);
    assert.deepEqual(listedElsewhere, [], 'listed rules that live outside src/rules/<risk>/');
  });

  it('has a docs page and failing and passing fixtures for every rule', () => {
    const missing: string[] = [];
    for (const { meta } of ALL_RULES) {
      if (!existsSync(path.join(REPO_ROOT, 'docs/rules', `${meta.id}.md`))) missing.push(`docs/rules/${meta.id}.md`);
      for (const kind of ['fail', 'pass']) {
        const folder = path.join(FIXTURES, 'rules', meta.id, kind);
        if (!existsSync(folder) || readdirSync(folder).length === 0) missing.push(`test/fixtures/rules/${meta.id}/${kind}/`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('says what every rule judges, so that the "what faasguard checks" table has no unclassified row', () => {
    const unclassified = ALL_RULES.filter((r) => !r.meta.judges?.length).map((r) => r.meta.id);
    assert.deepEqual(unclassified, []);
  });
});
