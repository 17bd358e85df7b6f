/**
 * CloudFormation refuses templates whose resources depend on each other in a circle. The scanner
 * reports such a cycle (it would fail to deploy) instead of following it.
 */
import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import type { Template, TemplateResource } from './template.js';

export function checkReferenceCycles(template: Template): void {
  const deps = new Map<string, Set<string>>();
  for (const r of template.resources.values()) {
    const found = new Set<string>();
    collectRefs(ownDefinition(r), template, found, 0);
    found.delete(r.logicalId);
    deps.set(r.logicalId, found);
  }
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  for (const id of deps.keys()) visit(id, [], deps, state, template, reported);
}

/**
 * A SAM function's `Events` become resources of their own (permissions, event source mappings, the
 * API's definition): the function itself does not depend on what they name, and an API whose
 * definition names the function is no cycle.
 */
function ownDefinition(r: TemplateResource): TNode {
  if (r.type !== 'AWS::Serverless::Function') return r.node;
  const properties = get(r.node, 'Properties');
  if (properties?.kind !== 'map') return r.node;
  const kept = { ...properties, entries: properties.entries.filter((e) => e.key !== 'Events') };
  return { ...r.node, entries: r.node.entries.map((e) => (e.key === 'Properties' ? { ...e, value: kept } : e)) };
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

function collectRefs(node: TNode, template: Template, out: Set<string>, depth: number): void {
  if (depth > 200) return;
  if (node.kind === 'scalar') return;
  if (node.kind === 'seq') return node.items.forEach((i) => collectRefs(i, template, out, depth + 1));
  for (const e of node.entries) {
    if (e.key === 'DependsOn') {
      for (const d of e.value.kind === 'seq' ? e.value.items : [e.value]) if (d.kind === 'scalar') addIfResource(String(d.value), template, out);
      continue;
    }
    if (e.key === 'Ref' && e.value.kind === 'scalar') addIfResource(String(e.value.value), template, out);
    if (e.key === 'Fn::GetAtt' && e.value.kind === 'seq' && e.value.items[0]?.kind === 'scalar') addIfResource(String(e.value.items[0].value), template, out);
    if (e.key === 'Fn::Sub') collectSubRefs(e.value, template, out);
    collectRefs(e.value, template, out, depth + 1);
  }
}

function collectSubRefs(node: TNode, template: Template, out: Set<string>): void {
  const text = node.kind === 'scalar' ? String(node.value) : node.kind === 'seq' && node.items[0]?.kind === 'scalar' ? String(node.items[0].value) : '';
  for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) addIfResource(m[1]!.split('.')[0]!, template, out);
}

function addIfResource(id: string, template: Template, out: Set<string>): void {
  if (template.resources.has(id)) out.add(id);
}
