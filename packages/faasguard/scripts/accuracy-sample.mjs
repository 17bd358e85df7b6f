#!/usr/bin/env node
/**
 * Draws the stratified sample that the README's accuracy figures are measured on.
 *
 *   node scripts/accuracy-sample.mjs <scan.json> [--per-rule 5] [--verdicts verdicts.jsonl]
 *
 * <scan.json> is `faasguard scan <corpus> --format json --no-cache` output. For every rule that
 * fired, up to --per-rule findings are taken, each from a different top-level project folder where
 * the rule fired in several, chosen by the finding's fingerprint (not by order in the report), so
 * that the same report always gives the same sample. Suppressed findings are left out, as a user
 * never sees them.
 *
 * Without --verdicts it prints the sample, one JSON object a line. With --verdicts (lines of
 * `{"fingerprint", "verdict": "true"|"false", "reason"}` written by a reviewer who opened each finding
 * at its location), it prints precision per rule and overall, and lists the sampled findings that
 * have no verdict yet: a verdict is kept as long as the fingerprint is unchanged.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const args = process.argv.slice(2);
const reportPath = args.find((a) => !a.startsWith('--') && !isOptionValue(a));
const perRule = Number(option('--per-rule') ?? 5);
const verdictsPath = option('--verdicts');
if (!reportPath) {
  console.error('usage: accuracy-sample.mjs <scan.json> [--per-rule N] [--verdicts file.jsonl]');
  process.exit(2);
}

function option(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function isOptionValue(arg) {
  const i = args.indexOf(arg);
  return i > 0 && args[i - 1].startsWith('--');
}

function rank(finding) {
  return createHash('sha256').update(finding.fingerprint ?? JSON.stringify(finding.location)).digest('hex');
}

function project(finding) {
  return (finding.location?.file ?? '').split('/')[0];
}

/** Up to `count` findings, one per project first, then more from projects already taken. */
function pick(findings, count) {
  const ordered = [...findings].sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
  const taken = [];
  const projects = new Set();
  for (const f of ordered) {
    if (taken.length >= count) break;
    if (projects.has(project(f))) continue;
    projects.add(project(f));
    taken.push(f);
  }
  for (const f of ordered) {
    if (taken.length >= count) break;
    if (!taken.includes(f)) taken.push(f);
  }
  return taken;
}

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const byRule = new Map();
for (const f of report.findings) {
  if (f.suppression) continue;
  if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, []);
  byRule.get(f.ruleId).push(f);
}
const sample = [...byRule.keys()].sort().flatMap((rule) => pick(byRule.get(rule), perRule));

if (!verdictsPath) {
  for (const f of sample) {
    const { ruleId, severity, message, location, subject, fingerprint } = f;
    console.log(JSON.stringify({ ruleId, severity, file: location.file, line: location.line, subject: subject?.logicalId, message, fingerprint }));
  }
  process.exit(0);
}

const verdicts = new Map();
for (const line of readFileSync(verdictsPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const v = JSON.parse(line);
  verdicts.set(v.fingerprint, v);
}
const perRuleCounts = new Map();
const missing = [];
for (const f of sample) {
  const v = verdicts.get(f.fingerprint);
  if (!v) {
    missing.push(f);
    continue;
  }
  const c = perRuleCounts.get(f.ruleId) ?? { true: 0, false: 0, fired: byRule.get(f.ruleId).length };
  c[v.verdict === 'true' ? 'true' : 'false'] += 1;
  perRuleCounts.set(f.ruleId, c);
}
let t = 0;
let n = 0;
console.log('| rule | findings on the corpus | sampled | true | false |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [rule, c] of [...perRuleCounts].sort()) {
  t += c.true;
  n += c.true + c.false;
  console.log(`| ${rule} | ${c.fired} | ${c.true + c.false} | ${c.true} | ${c.false} |`);
}
console.log(`\n${t} of ${n} sampled findings true: precision ${((100 * t) / Math.max(n, 1)).toFixed(1)}%`);
if (missing.length > 0) {
  console.log(`\n${missing.length} sampled findings have no verdict yet:`);
  for (const f of missing) console.log(JSON.stringify({ ruleId: f.ruleId, file: f.location.file, line: f.location.line, message: f.message, fingerprint: f.fingerprint }));
}
