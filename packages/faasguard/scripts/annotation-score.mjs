#!/usr/bin/env node
/**
 * Recall and precision of a scan against a folder of annotated code (`# ruleid: <rule>` /
 * `// ok: <rule>` on the line before the code they judge), such as a suite of handlers written for
 * another scanner.
 *
 *   node scripts/annotation-score.mjs <scan.json> <folder> [--map rule-map.json]
 *
 * <scan.json> is `faasguard scan <folder> --format json --no-cache`. `--map` names the faasguard rule
 * that each of the suite's rule ids means (`{"tainted-sql-string": "sql-injection"}`); annotations of
 * ids it does not map are not counted. Prints one line per rule and the totals. Requires a build
 * (`npm run build`): the annotation reader is the one the tests use.
 */
import { readFileSync, readdirSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { scoreAnnotations, totals } = await import(path.join(here, '../dist/test/helpers/annotations.js'));

const args = process.argv.slice(2);
const mapIndex = args.indexOf('--map');
const map = mapIndex >= 0 ? JSON.parse(readFileSync(args[mapIndex + 1], 'utf8')) : undefined;
const [reportPath, folder] = args.filter((a, i) => !a.startsWith('--') && (mapIndex < 0 || i !== mapIndex + 1));
if (!reportPath || !folder) {
  console.error('usage: annotation-score.mjs <scan.json> <folder> [--map rule-map.json]');
  process.exit(2);
}

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const findings = (report.findings ?? []).filter((f) => !f.suppressed);
// Finding paths start at the repository root when the scanned folder is inside one (`scanRoot`).
const root = report.scanRoot && report.scanRoot !== '.' ? `${report.scanRoot}/` : '';
const mapRule = map ? (rule) => map[rule] : (rule) => rule;
const scores = new Map();
let files = 0;
for (const file of codeFiles(folder)) {
  const rel = path.relative(folder, file).split(path.sep).join('/');
  const text = readFileSync(file, 'utf8');
  const here = findings.filter((f) => f.location.file === `${root}${rel}`).map((f) => ({ rule: f.ruleId, line: f.location.line }));
  const before = JSON.stringify([...scores]);
  scoreAnnotations(text, here, scores, mapRule);
  if (JSON.stringify([...scores]) !== before) files++;
}

const pct = (n, d) => (d === 0 ? '   -' : `${((100 * n) / d).toFixed(0).padStart(3)}%`);
console.log('rule                         TP  FN  FP  TN  recall precision');
for (const [rule, s] of [...scores].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${rule.padEnd(27)} ${[s.tp, s.fn, s.fp, s.tn].map((n) => String(n).padStart(3)).join(' ')}  ${pct(s.tp, s.tp + s.fn)}   ${pct(s.tp, s.tp + s.fp)}`);
}
const t = totals(scores);
console.log(`total (${files} files)${' '.repeat(Math.max(1, 15 - String(files).length))}${[t.tp, t.fn, t.fp, t.tn].map((n) => String(n).padStart(3)).join(' ')}  ${pct(t.tp, t.tp + t.fn)}   ${pct(t.tp, t.tp + t.fp)}`);

function codeFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isDirectory() && name !== 'node_modules') return codeFiles(full);
    return stat.isFile() && /\.(js|mjs|cjs|ts|py)$/.test(name) ? [full] : [];
  });
}
