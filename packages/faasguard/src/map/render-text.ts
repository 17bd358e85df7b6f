/**
 * The attack surface as a tree for the terminal: each function, widest exposure first, with who can
 * make it run (the exposure paths), what invokes it directly and what its role lets it reach; then
 * every other node that something outside the functions leads into (a bucket anyone can write to).
 * Every edge of the map is on exactly one line.
 */
import { EXPOSURE_ORDER } from '../analysis/exposure-types.js';
import { escapeLine } from '../report/terminal-text.js';
import type { AttackSurfaceMap, EdgeKind, MapEdge, MapFunction, MapLocation } from './attack-surface-types.js';
import { mapGraph, nodeExposure, nodeName, type MapNode } from './map-graph.js';

export function renderMapText(map: AttackSurfaceMap): string {
  const graph = mapGraph(map);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => nodeName(byId.get(id)!);
  const isFunction = (id: string): boolean => byId.get(id)!.shape === 'function';
  // Each edge on one line: under the function it leaves (what it can reach), else under the node it enters.
  const fromFunction = graph.edges.filter((e) => isFunction(e.from));
  const intoOthers = graph.edges.filter((e) => !isFunction(e.from));
  const functions = [...map.functions].sort((a, b) => EXPOSURE_ORDER.indexOf(a.exposure) - EXPOSURE_ORDER.indexOf(b.exposure) || (a.id < b.id ? -1 : 1));
  const lines: string[] = ['Attack surface: entry points → functions → what they can reach', ''];
  for (const fn of functions) {
    const into = intoOthers.filter((e) => e.to === fn.id);
    const out = fromFunction.filter((e) => e.from === fn.id);
    lines.push(...functionBlock(fn, into, out, name), '');
  }
  for (const node of graph.nodes.filter((n) => !isFunction(n.id) && intoOthers.some((e) => e.to === n.id))) {
    lines.push(...nodeBlock(node, intoOthers.filter((e) => e.to === node.id), name), '');
  }
  const counts = EXPOSURE_ORDER.map((level) => `${functions.filter((f) => f.exposure === level).length} ${level}`);
  lines.push(`${functions.length} functions: ${counts.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** Names, paths and descriptions come from the templates: each is shown on one line, escaped. */
function functionBlock(fn: MapFunction, into: MapEdge[], out: MapEdge[], name: (id: string) => string): string[] {
  const lines = [escapeLine(`${fn.name}  [${fn.exposure}]  ${where(fn.location)}`)];
  lines.push(`├─ reached by${fn.paths.length ? '' : ': nothing in the templates'}`);
  fn.paths.forEach((p, i) => lines.push(`│  ${branch(i, fn.paths.length)}─ ${p.level.padEnd(13)} ${escapeLine(p.description)}`));
  if (into.length) {
    lines.push('├─ invoked by');
    into.forEach((e, i) => lines.push(`│  ${branch(i, into.length)}─ ${escapeLine(`${name(e.from)} — ${e.label}`)}`));
  }
  lines.push(`└─ can reach${out.length ? '' : ': nothing beyond its logs'}`);
  out.forEach((e, i) => lines.push(`   ${branch(i, out.length)}─ ${escapeLine(reachText(fn, e, name))}`));
  return lines;
}

/** What the role allows on the target, every action: the edge's label is a summary. */
function reachText(fn: MapFunction, e: MapEdge, name: (id: string) => string): string {
  const reach = e.kind === 'accesses' ? fn.reaches.find((r) => r.target === e.to) : undefined;
  return reach ? `${name(e.to)}: ${reach.actions.join(', ')}` : `${name(e.to)} — ${e.label}`;
}

function nodeBlock(node: MapNode, into: MapEdge[], name: (id: string) => string): string[] {
  const tag = nodeExposure(node) ?? (node.shape === 'function' ? node.of.exposure : node.of.kind);
  const location = node.of.location.file === '' ? '' : `  ${where(node.of.location)}`;
  const lines = [escapeLine(`${nodeName(node)}  [${tag}]${location}`)];
  const kinds = [...new Set(into.map((e) => e.kind))];
  kinds.forEach((kind, k) => {
    const last = k === kinds.length - 1;
    const edges = into.filter((e) => e.kind === kind);
    lines.push(`${last ? '└' : '├'}─ ${INTO_HEADING[kind]}`);
    edges.forEach((e, i) => lines.push(`${last ? ' ' : '│'}  ${branch(i, edges.length)}─ ${escapeLine(`${name(e.from)} — ${e.label}`)}`));
  });
  return lines;
}

const INTO_HEADING: Readonly<Record<EdgeKind, string>> = {
  invokes: 'invoked by',
  triggers: 'triggered by',
  writes: 'written by',
  accesses: 'reached by the role of',
};

function branch(i: number, count: number): string {
  return i === count - 1 ? '└' : '├';
}

function where(l: MapLocation): string {
  return `${l.file}:${l.line}`;
}
