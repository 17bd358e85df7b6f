/**
 * The CloudFormation template the framework would deploy: the generated resources, then
 * `resources` merged over them (a resource of the same logical id merges property by property,
 * the user's values winning, as the framework's deep merge does).
 */
import type { TMap, TMapEntry, TNode } from '../../../parse/tree.js';
import type { CompileContext } from './context.js';
import { entries, mergeMaps } from './nodes.js';

/** `resources` is a mapping, or a list of mappings (one `${file(...)}` per item). */
export function userSections(config: TMap): Map<string, TMapEntry[]> {
  const node = config.entries.find((e) => e.key === 'resources')?.value;
  const parts: TNode[] = node?.kind === 'seq' ? node.items : node ? [node] : [];
  const sections = new Map<string, TMapEntry[]>();
  for (const part of parts) {
    for (const e of entries(part)) {
      const list = sections.get(e.key) ?? [];
      list.push(...entries(e.value));
      sections.set(e.key, list);
    }
  }
  return sections;
}

export function userResources(config: TMap): TMap | undefined {
  const list = userSections(config).get('Resources');
  return list ? { kind: 'map', entries: list, loc: list[0]?.keyLoc ?? config.loc } : undefined;
}

export function assembleTemplate(ctx: CompileContext): TMap {
  const sections = userSections(ctx.config);
  const resources: TMapEntry[] = [...ctx.resources].map(([key, r]) => ({ key, keyLoc: r.keyLoc, value: r.node }));
  for (const e of sections.get('Resources') ?? []) {
    const i = resources.findIndex((r) => r.key === e.key);
    if (i < 0) resources.push(e);
    else if (resources[i]!.value.kind === 'map' && e.value.kind === 'map') resources[i] = { key: e.key, keyLoc: e.keyLoc, value: mergeMaps(resources[i]!.value as TMap, e.value) };
    else resources[i] = e;
  }
  const loc = ctx.config.loc;
  const out: TMapEntry[] = [
    { key: 'AWSTemplateFormatVersion', keyLoc: loc, value: { kind: 'scalar', value: '2010-09-09', loc } },
    { key: 'Resources', keyLoc: loc, value: { kind: 'map', entries: resources, loc } },
  ];
  for (const section of ['Outputs', 'Conditions', 'Mappings', 'Parameters']) {
    const list = sections.get(section);
    if (list) out.push({ key: section, keyLoc: list[0]?.keyLoc ?? loc, value: { kind: 'map', entries: list, loc: list[0]?.keyLoc ?? loc } });
  }
  return { kind: 'map', entries: out, loc };
}
