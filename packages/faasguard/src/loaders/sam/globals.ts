/**
 * SAM `Globals`: properties shared by every function, API and HTTP API of a template. As the SAM
 * transform defines it: a resource's own primitive value wins, maps are merged key by key, lists
 * are concatenated (globals first). Merging happens on the located tree, so every value keeps the
 * place it was written — in Globals or on the resource.
 */
import type { TMap, TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { lookupTable } from '../../util/own-keys.js';

const GLOBAL_SECTIONS: Readonly<Record<string, string>> = lookupTable({
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
});

export function globalsFor(root: TNode, type: string): TMap | undefined {
  const section = GLOBAL_SECTIONS[type];
  const g = section ? get(get(root, 'Globals'), section) : undefined;
  return g?.kind === 'map' ? g : undefined;
}

/** The resource with the matching Globals section merged into its Properties. */
export function withGlobals(root: TNode, r: TemplateResource): TemplateResource {
  const globals = globalsFor(root, r.type);
  if (!globals) return r;
  const own = get(r.node, 'Properties');
  const merged = own?.kind === 'map' ? mergeNodes(globals, own) : globals;
  const entries = r.node.entries.filter((e) => e.key !== 'Properties');
  entries.push({ key: 'Properties', keyLoc: own?.loc ?? r.loc, value: merged });
  return { ...r, node: { ...r.node, entries } };
}

export function mergeNodes(global: TNode, own: TNode): TNode {
  if (global.kind === 'map' && own.kind === 'map' && !isIntrinsic(own) && !isIntrinsic(global)) {
    const entries = global.entries.map((g) => {
      const mine = own.entries.find((o) => o.key === g.key);
      return mine ? { ...mine, value: mergeNodes(g.value, mine.value) } : g;
    });
    for (const o of own.entries) if (!global.entries.some((g) => g.key === o.key)) entries.push(o);
    return { ...own, entries };
  }
  if (global.kind === 'seq' && own.kind === 'seq') return { ...own, items: [...global.items, ...own.items] };
  return own;
}

function isIntrinsic(node: TMap): boolean {
  return node.entries.length === 1 && /^(Ref|Fn::|Condition$)/.test(node.entries[0]!.key);
}
