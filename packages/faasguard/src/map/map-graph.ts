/**
 * The attack-surface map as one graph: the nodes and edges that every format draws (text, Mermaid,
 * DOT and the HTML report's graph), so that no format can leave out an edge another one shows.
 */
import type { ExposureLevel } from '../analysis/exposure-types.js';
import type { AttackSurfaceMap, MapEdge, MapEntryPoint, MapFunction, MapResource } from './attack-surface-types.js';
import { EXTERNAL_KIND } from './build-map.js';

/** A node of the map, with the map entry it stands for; `external` is a target outside the templates. */
export type MapNode =
  | { shape: 'entry'; id: string; of: MapEntryPoint }
  | { shape: 'function'; id: string; of: MapFunction }
  | { shape: 'resource' | 'external'; id: string; of: MapResource };

/** Nodes in the map's order (entry points, functions, resources); edges as the map lists them. */
export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** Throws when an edge names a node the map does not list: the map builder lists every one. */
export function mapGraph(map: AttackSurfaceMap): MapGraph {
  const nodes: MapNode[] = [
    ...map.entryPoints.map((e): MapNode => ({ shape: 'entry', id: e.id, of: e })),
    ...map.functions.map((f): MapNode => ({ shape: 'function', id: f.id, of: f })),
    ...map.resources.map((r): MapNode => ({ shape: r.kind === EXTERNAL_KIND ? 'external' : 'resource', id: r.id, of: r })),
  ];
  const ids = new Set(nodes.map((n) => n.id));
  const dangling = map.edges.find((e) => !ids.has(e.from) || !ids.has(e.to));
  if (dangling) throw new Error(`attack-surface map: edge ${dangling.from} → ${dangling.to} names a node the map does not list`);
  return { nodes, edges: map.edges };
}

/** What a node is called in the templates (a function's or resource's name, an entry point's label). */
export function nodeName(n: MapNode): string {
  return n.shape === 'entry' ? n.of.label : n.of.name;
}

/** Who can use an entry point or run a function; `public` for a resource anyone can write to. */
export function nodeExposure(n: MapNode): ExposureLevel | undefined {
  if (n.shape === 'entry' || n.shape === 'function') return n.of.exposure;
  return n.of.publicWrite ? 'public' : undefined;
}
