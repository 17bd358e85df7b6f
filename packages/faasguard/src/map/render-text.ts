/**
 * The attack surface as a tree for the terminal: each function, widest exposure first, with its
 * ways in and what its role lets it reach.
 */
import { EXPOSURE_ORDER } from '../analysis/exposure-types.js';
import { escapeLine } from '../report/terminal-text.js';
import type { AttackSurfaceMap, MapFunction } from './attack-surface-types.js';

export function renderMapText(map: AttackSurfaceMap): string {
  const functions = [...map.functions].sort((a, b) => EXPOSURE_ORDER.indexOf(a.exposure) - EXPOSURE_ORDER.indexOf(b.exposure) || (a.id < b.id ? -1 : 1));
  const lines: string[] = ['Attack surface: entry points → functions → what they can reach', ''];
  for (const fn of functions) lines.push(...functionBlock(fn), '');
  const counts = EXPOSURE_ORDER.map((level) => `${functions.filter((f) => f.exposure === level).length} ${level}`);
  lines.push(`${functions.length} functions: ${counts.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** Names, paths and descriptions come from the templates: each is shown on one line, escaped. */
function functionBlock(fn: MapFunction): string[] {
  const lines = [escapeLine(`${fn.name}  [${fn.exposure}]  ${fn.location.file}:${fn.location.line}`)];
  const ways = fn.paths.length ? fn.paths : [];
  lines.push(`├─ reached by${ways.length ? '' : ': nothing in the templates'}`);
  ways.forEach((p, i) => lines.push(`│  ${i === ways.length - 1 ? '└' : '├'}─ ${p.level.padEnd(13)} ${escapeLine(p.description)}`));
  lines.push(`└─ can reach${fn.reaches.length ? '' : ': nothing beyond its logs'}`);
  fn.reaches.forEach((r, i) => lines.push(`   ${i === fn.reaches.length - 1 ? '└' : '├'}─ ${escapeLine(`${r.targetName}: ${r.actions.join(', ')}`)}`));
  return lines;
}
