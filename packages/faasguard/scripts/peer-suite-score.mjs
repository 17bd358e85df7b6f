#!/usr/bin/env node
/**
 * Recall and false alarms of faasguard against another scanner's labelled templates (Checkov's
 * CloudFormation check tests, cfn_nag's rule specs): which resources the suite expects its check to
 * flag, and whether a faasguard rule that names that check among its peer checks (the rules'
 * `peerChecks` metadata) reports them.
 *
 *   node scripts/peer-suite-score.mjs <suite-dir> --peer <Checkov|cfn-nag|KICS> [--judgements file.json]
 *
 * <suite-dir> holds `templates/<folder>/…` (the suite's templates, one folder per check) and
 * `expectations.jsonl`, a row per labelled resource: `{"check": "CKV_AWS_59", "file":
 * "<folder>/<template>", "resource": "<LogicalId>", "expected": "fail" | "pass"}`. Each folder is
 * scanned on its own. A labelled resource is flagged when a finding of a mapped rule has it as its
 * subject, or it or one of its related locations lies in the resource's lines (from its key to the
 * next resource's key: a stage's finding has its API as subject; a parameter's finding names the
 * property that takes its value). `--judgements` gives a category to misses and false alarms,
 * keyed `<check>|<file>|<resource>` (the category, or an object with `category` and the reason): `a` faasguard decides otherwise on purpose (its rule page
 * says so), `b` a value unknown offline, `c` a gap, `d` a wrong label or a template AWS rejects;
 * recall is then also printed without the `a` and `d` misses. Requires a build (`npm run build`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { scan, loadApp } = await import(path.join(here, '../dist/src/scan/scan.js'));
const { ALL_RULES } = await import(path.join(here, '../dist/src/rules/index.js'));

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const [suite] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const peer = option('--peer');
if (!suite || !peer) {
  console.error('usage: peer-suite-score.mjs <suite-dir> --peer <Checkov|cfn-nag> [--judgements file.json]');
  process.exit(2);
}
const judgements = option('--judgements') ? JSON.parse(readFileSync(option('--judgements'), 'utf8')) : {};
const rows = readFileSync(path.join(suite, 'expectations.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** The faasguard rules that name each of the peer's checks. */
const rulesOf = new Map();
for (const rule of ALL_RULES) {
  for (const p of rule.meta.peerChecks ?? []) {
    // `KICS <query name>`: the check is all that follows the scanner's name.
    const [name, ...words] = p.split(' ');
    const check = words.join(' ');
    if (name === peer) rulesOf.set(check, [...(rulesOf.get(check) ?? []), rule.meta.id]);
  }
}

const folders = [...new Set(rows.map((r) => r.file.split('/')[0]))].sort();
const scanned = new Map();
for (const folder of folders) {
  const dir = path.join(suite, 'templates', folder);
  const result = await scan(dir, { noCache: true });
  const { model } = await loadApp(dir);
  scanned.set(folder, { findings: result.findings, spans: resourceSpans(model) });
}

const byCheck = new Map();
const notes = [];
for (const row of rows) {
  const [folder, ...rest] = row.file.split('/');
  const file = rest.join('/');
  const { findings, spans } = scanned.get(folder);
  const rules = rulesOf.get(row.check) ?? [];
  const span = spans.get(`${file}\0${row.resource}`);
  const within = (loc) => span !== undefined && loc.file === file && loc.line >= span.from && loc.line <= span.to;
  const flagged = findings.some((f) => rules.includes(f.ruleId) && ((f.location.file === file && f.subject?.logicalId === row.resource) || within(f.location) || f.related.some((r) => within(r.loc))));
  const score = byCheck.get(row.check) ?? { fails: 0, found: 0, passes: 0, alarms: 0, excused: 0 };
  byCheck.set(row.check, score);
  const judged = judgements[`${row.check}|${row.file}|${row.resource}`];
  const category = (typeof judged === 'object' ? judged?.category : judged) ?? '?';
  if (row.expected === 'fail') {
    score.fails++;
    if (flagged) score.found++;
    else {
      if (category === 'a' || category === 'd') score.excused++;
      notes.push(`miss (${category}) ${row.check} ${row.file} ${row.resource}${rules.length === 0 ? ' — no rule names this check' : ''}`);
    }
  } else {
    score.passes++;
    if (flagged) {
      score.alarms++;
      notes.push(`false alarm (${category}) ${row.check} ${row.file} ${row.resource}`);
    }
  }
}

const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
console.log(['check', 'faasguard rules', 'fails', 'found', 'passes', 'false alarms'].join(' | '));
const total = { fails: 0, found: 0, passes: 0, alarms: 0, excused: 0 };
for (const [check, s] of [...byCheck].sort(([a], [b]) => (a < b ? -1 : 1))) {
  console.log([check, (rulesOf.get(check) ?? []).join(', ') || '(none)', s.fails, s.found, s.passes, s.alarms].join(' | '));
  for (const k of Object.keys(total)) total[k] += s[k];
}
console.log(`recall ${total.found}/${total.fails} = ${pct(total.found, total.fails)}; without the misses judged (a) or (d): ${total.found}/${total.fails - total.excused} = ${pct(total.found, total.fails - total.excused)}`);
console.log(`false alarms ${total.alarms}/${total.passes} expected passes`);
for (const n of notes) console.log(`  ${n}`);

/** Lines of each resource, by file and logical id: from its key to the line before the next resource's key. */
function resourceSpans(model) {
  const spans = new Map();
  const byFile = new Map();
  for (const r of model.resources) byFile.set(r.loc.file, [...(byFile.get(r.loc.file) ?? []), r]);
  for (const [file, resources] of byFile) {
    const sorted = resources.sort((a, b) => a.loc.line - b.loc.line);
    sorted.forEach((r, i) => spans.set(`${file}\0${r.logicalId}`, { from: r.loc.line, to: (sorted[i + 1]?.loc.line ?? Infinity) - 1 }));
  }
  return spans;
}
