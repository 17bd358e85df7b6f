/**
 * Walks a resolved dependency graph from the project's declared roots to give each
 * package its scope (prod beats optional beats dev) and its shortest path. Iterative, and each
 * path extends its parent's: a deep graph neither overflows the stack nor copies paths per level.
 */
import { type DependencyPath, directPath, extendPath } from '../dependency-path.js';
import type { DependencyScope } from '../types.js';

export interface GraphEdge {
  to: string;
  /** Edge declared as an optional dependency of its parent. */
  optional: boolean;
}

export interface GraphNode {
  /** Label used in paths (`name@version`). */
  label: string;
  edges: GraphEdge[];
}

export interface GraphRoot {
  to: string;
  scope: DependencyScope;
}

export interface Reach {
  scope: DependencyScope;
  path: DependencyPath;
  direct: boolean;
}

interface Visit {
  key: string;
  /** The path of the package whose edge led here; absent for a declared root */
  parent?: DependencyPath;
}

/**
 * Breadth-first walk in three passes so a package reachable from production code is
 * never reported as dev-only just because a dev path to it is shorter.
 */
export function walkGraph(nodes: ReadonlyMap<string, GraphNode>, roots: readonly GraphRoot[]): Map<string, Reach> {
  const reached = new Map<string, Reach>();
  const direct = new Set(roots.map((r) => r.to));
  const seeds = (scope: DependencyScope): Visit[] =>
    roots.filter((r) => r.scope === scope).map((r) => ({ key: r.to }));

  const deferred = bfs(nodes, reached, direct, seeds('prod'), 'prod', false);
  bfs(nodes, reached, direct, [...seeds('optional'), ...deferred], 'optional', true);
  bfs(nodes, reached, direct, seeds('dev'), 'dev', true);
  return reached;
}

/** One pass; returns the optional edges it did not follow (prod pass only). */
function bfs(
  nodes: ReadonlyMap<string, GraphNode>,
  reached: Map<string, Reach>,
  direct: ReadonlySet<string>,
  start: Visit[],
  scope: DependencyScope,
  followOptional: boolean,
): Visit[] {
  const deferred: Visit[] = [];
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    const { key, parent } = queue[i]!;
    if (reached.has(key)) continue;
    const node = nodes.get(key);
    if (!node) continue;
    const here = parent === undefined ? directPath(node.label) : extendPath(parent, node.label);
    reached.set(key, { scope, path: here, direct: direct.has(key) });
    for (const e of node.edges) {
      if (reached.has(e.to)) continue;
      if (e.optional && !followOptional) deferred.push({ key: e.to, parent: here });
      else queue.push({ key: e.to, parent: here });
    }
  }
  return deferred;
}
