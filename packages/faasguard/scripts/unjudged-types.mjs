#!/usr/bin/env node
/**
 * The resources of an app whose type no rule names as what it judges (the rules' `judges`
 * metadata, which also makes the README's checks table), by type, most resources first.
 *
 *   node scripts/unjudged-types.mjs <dir> [--top N]
 *
 * A resource of such a type may still be read by a rule through another one: an EventBridge rule,
 * subscription, schedule or pipe as the trigger of a function (those are counted apart, as
 * "trigger sources"), a subnet or route table as the network of what is in it. Requires a build
 * (`npm run build`); the templates are loaded, nothing is judged.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { loadApp } = await import(path.join(here, '../dist/src/scan/scan.js'));
const { ALL_RULES } = await import(path.join(here, '../dist/src/rules/index.js'));

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
const top = Number(args.includes('--top') ? args[args.indexOf('--top') + 1] : 30);
if (!dir) {
  console.error('usage: unjudged-types.mjs <dir> [--top N]');
  process.exit(2);
}

function sources(n) {
  return `${n} trigger source${n === 1 ? '' : 's'}`;
}

const { model } = await loadApp(dir, { noCache: true });
const judged = new Set(ALL_RULES.flatMap((r) => r.meta.judges ?? []));
const triggerSources = new Set(model.triggers.map((t) => t.sourceId).filter((id) => id !== undefined));
const byType = new Map();
for (const r of model.resources) {
  if (judged.has(r.type)) continue;
  const row = byType.get(r.type) ?? { resources: 0, triggerSources: 0 };
  row.resources++;
  if (triggerSources.has(r.id)) row.triggerSources++;
  byType.set(r.type, row);
}
const rows = [...byType].sort((a, b) => b[1].resources - a[1].resources || (a[0] < b[0] ? -1 : 1));
const unjudged = rows.reduce((n, [, row]) => n + row.resources, 0);
const types = new Set(model.resources.map((r) => r.type)).size;
console.log(`${model.resources.length} resources of ${types} types; ${unjudged} of ${rows.length} types no rule names (${sources(rows.reduce((n, [, row]) => n + row.triggerSources, 0))} among them)`);
for (const [type, row] of rows.slice(0, top)) console.log(`${String(row.resources).padStart(6)}  ${type}${row.triggerSources ? ` (${sources(row.triggerSources)})` : ''}`);
