/**
 * The attack-surface map as the HTML report's graph: the nodes and edges every map format draws
 * (`mapGraph`), by index, and the groups the page draws one at a time.
 *
 * Why groups: a layered layout of a whole 1,000-function app takes dagre 35 s and gives a drawing
 * 40,000 px tall that nobody can read, while one group of 50 functions lays out in about 0.15 s.
 * A small app is one group; a larger one has a group per template, cut into runs of
 * `GRAPH_GROUP_SIZE` functions.
 */
import type { AttackSurfaceMap } from '../../map/attack-surface-types.js';
import { EVERY_RESOURCE } from '../../map/build-map.js';
import { mapGraph, type MapNode } from '../../map/map-graph.js';
import { fileLine } from '../file-line.js';
import { compareText } from '../../util/compare-text.js';
import type { HtmlEdge, HtmlGraph, HtmlGraphGroup, HtmlNode } from './report-data-types.js';

/** Most functions drawn at once. */
export const GRAPH_GROUP_SIZE = 50;

export function graphData(map: AttackSurfaceMap): HtmlGraph {
  const graph = mapGraph(map);
  const nodes = graph.nodes.map(htmlNode);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const reaches = new Map(map.functions.flatMap((f) => f.reaches.map((r) => [`${f.id}\u0000${r.target}`, r.actions] as const)));
  const edges: HtmlEdge[] = [];
  for (const e of graph.edges) {
    const edge: HtmlEdge = { from: index.get(e.from)!, to: index.get(e.to)!, kind: e.kind, label: e.label };
    const actions = e.kind === 'accesses' ? reaches.get(`${e.from}\u0000${e.to}`) : undefined;
    if (actions) Object.assign(edge, { label: actionSummary(actions), actions: [...actions] });
    edges.push(edge);
  }
  const functions = map.functions.map((f) => index.get(f.id)!);
  return { nodes, edges, groups: groupsOf(functions, edges, map) };
}

function htmlNode(n: MapNode): HtmlNode {
  switch (n.shape) {
    case 'entry':
      return { id: n.id, label: n.of.label, kind: 'entry', exposure: n.of.exposure, detail: n.of.detail, location: fileLine(n.of.location) };
    case 'function':
      return { id: n.id, label: n.of.name, kind: 'function', exposure: n.of.exposure, detail: n.of.runtime ?? '', location: fileLine(n.of.location) };
    case 'external':
      return { id: n.id, label: n.of.name, kind: 'external', detail: 'outside the scanned templates' };
    case 'resource': {
      const r = n.of;
      return { id: r.id, label: r.name, kind: 'resource', ...(r.publicWrite ? { exposure: 'public' as const } : {}), detail: r.id === EVERY_RESOURCE ? 'Resource "*"' : r.type, ...(r.location.file !== '' ? { location: fileLine(r.location) } : {}) };
    }
  }
}

/**
 * What a role allows on a target, short enough to label an edge: the actions themselves when there
 * are one or two, else a count per service, largest first (`dynamodb ×10, logs ×3`).
 */
export function actionSummary(actions: readonly string[]): string {
  if (actions.length <= 2) return actions.join(', ');
  const byService = new Map<string, string[]>();
  for (const action of actions) {
    const service = action.includes(':') ? action.slice(0, action.indexOf(':')) : action;
    byService.set(service, [...(byService.get(service) ?? []), action]);
  }
  return [...byService.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || compareText(a, b))
    .map(([service, list]) => (list.length === 1 ? list[0]! : `${service} ×${list.length}`))
    .join(', ');
}

function groupsOf(functions: number[], edges: HtmlEdge[], map: AttackSurfaceMap): HtmlGraphGroup[] {
  if (functions.length === 0) return [];
  if (functions.length <= GRAPH_GROUP_SIZE) return [group('All functions', functions, edges)];
  const byTemplate = new Map<string, number[]>();
  map.functions.forEach((f, i) => {
    const list = byTemplate.get(f.location.file) ?? [];
    list.push(functions[i]!);
    byTemplate.set(f.location.file, list);
  });
  const groups: HtmlGraphGroup[] = [];
  for (const file of [...byTemplate.keys()].sort(compareText)) {
    const members = byTemplate.get(file)!;
    const runs = Math.ceil(members.length / GRAPH_GROUP_SIZE);
    for (let r = 0; r < runs; r++) {
      const label = runs === 1 ? file : `${file} (${r + 1}/${runs})`;
      groups.push(group(label, members.slice(r * GRAPH_GROUP_SIZE, (r + 1) * GRAPH_GROUP_SIZE), edges));
    }
  }
  return groups;
}

/**
 * The functions, every edge that touches them, and the edges that lead into what they are
 * triggered by (anyone → bucket → function), so that each way in is drawn from its start.
 */
function group(label: string, functions: number[], edges: HtmlEdge[]): HtmlGraphGroup {
  const members = new Set(functions);
  const drawn = new Set<number>(functions);
  const edgeSet = new Set<number>();
  edges.forEach((e, i) => {
    if (!members.has(e.from) && !members.has(e.to)) return;
    edgeSet.add(i);
    drawn.add(e.from).add(e.to);
  });
  const sources = new Set([...edgeSet].filter((i) => members.has(edges[i]!.to)).map((i) => edges[i]!.from));
  edges.forEach((e, i) => {
    if (!sources.has(e.to) || members.has(e.to) || e.kind !== 'writes') return;
    edgeSet.add(i);
    drawn.add(e.from);
  });
  const byNumber = (a: number, b: number) => a - b;
  return { label, functions: [...functions].sort(byNumber), nodes: [...drawn].sort(byNumber), edges: [...edgeSet].sort(byNumber) };
}

