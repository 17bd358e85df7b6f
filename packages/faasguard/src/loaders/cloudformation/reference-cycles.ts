/**
 * CloudFormation refuses templates whose resources depend on each other in a circle. The scanner
 * reports such a cycle (it would fail to deploy) instead of following it.
 */
import type { TNode } from '../../parse/tree.js';
import { transformDependencies } from '../sam/transform-dependencies.js';
import { splitGetAtt } from './get-att.js';
import type { Template } from './template.js';

export function checkReferenceCycles(template: Template): void {
  const deps = new Map<string, Set<string>>();
  for (const r of template.resources.values()) deps.set(r.logicalId, new Set());
  for (const r of template.resources.values()) {
    const moved = transformDependencies(template, r);
    const found = deps.get(r.logicalId)!;
    collectRefs(r.node, template, found, 0, moved.skipped);
    for (const { from, to } of moved.added) if (template.resources.has(from)) deps.get(from)!.add(to);
  }
  for (const [id, found] of deps) found.delete(id);
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  for (const id of deps.keys()) visit(id, [], deps, state, template, reported);
}

function visit(id: string, stack: string[], deps: Map<string, Set<string>>, state: Map<string, 'open' | 'done'>, template: Template, reported: Set<string>): void {
  if (state.get(id) === 'done') return;
  if (state.get(id) === 'open') {
    const cycle = [...stack.slice(stack.indexOf(id)), id];
    const key = [...cycle].sort().join(',');
    if (!reported.has(key)) {
      reported.add(key);
      template.diagnostics.error('reference-cycle', `resources refer to each other in a cycle: ${cycle.join(' → ')}`, template.resources.get(id)!.loc);
    }
    return;
  }
  state.set(id, 'open');
  for (const dep of deps.get(id) ?? []) visit(dep, [...stack, id], deps, state, template, reported);
  state.set(id, 'done');
}

function collectRefs(node: TNode, template: Template, out: Set<string>, depth: number, skipped: ReadonlySet<TNode>): void {
  if (depth > 200 || skipped.has(node)) return;
  if (node.kind === 'scalar') return;
  if (node.kind === 'seq') return node.items.forEach((i) => collectRefs(i, template, out, depth + 1, skipped));
  for (const e of node.entries) {
    if (e.key === 'DependsOn') {
      for (const d of e.value.kind === 'seq' ? e.value.items : [e.value]) if (d.kind === 'scalar') addIfResource(String(d.value), template, out);
      continue;
    }
    if (e.key === 'Ref' && e.value.kind === 'scalar') addIfResource(String(e.value.value), template, out);
    if (e.key === 'Fn::GetAtt') addIfResource(getAttTarget(e.value), template, out);
    if (e.key === 'Fn::Sub') collectSubRefs(e.value, template, out);
    collectRefs(e.value, template, out, depth + 1, skipped);
  }
}

function getAttTarget(node: TNode): string | undefined {
  if (node.kind === 'seq' && node.items[0]?.kind === 'scalar') return String(node.items[0].value);
  if (node.kind === 'scalar') return splitGetAtt(String(node.value))?.[0];
  return undefined;
}

function collectSubRefs(node: TNode, template: Template, out: Set<string>): void {
  const text = node.kind === 'scalar' ? String(node.value) : node.kind === 'seq' && node.items[0]?.kind === 'scalar' ? String(node.items[0].value) : '';
  for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) addIfResource(m[1]!.split('.')[0]!, template, out);
}

function addIfResource(id: string | undefined, template: Template, out: Set<string>): void {
  if (id !== undefined && template.resources.has(id)) out.add(id);
}
