/**
 * Which functions' roles can write into the source of a trigger, found by map reads: checking
 * every function against every trigger is quadratic, and chains are computed for every scan.
 */
import type { LambdaFunction, Resource, Trigger } from '../model/app-model.js';
import type { ModelIndex } from '../model/model-index.js';
import { pushTo } from '../util/multimap.js';
import { functionWrites, sourceKindOf, type WriteGrant } from './function-writes.js';

export class SourceWriterIndex {
  /** Each function's write grants */
  readonly writes = new Map<string, WriteGrant[]>();
  /** Writers of every source of a kind in their app (`*`, wildcard ARNs), by app and kind */
  private readonly ofKind = new Map<string, number[]>();
  /** Writers of one source, by its model id */
  private readonly ofSource = new Map<string, number[]>();

  constructor(private readonly index: ModelIndex) {
    index.model.functions.forEach((fn, i) => {
      const grants = functionWrites(fn, index);
      this.writes.set(fn.id, grants);
      for (const grant of grants) this.add(grant, index.appOf(fn), i);
    });
  }

  /**
   * Functions that may write the trigger's events, in model order; each still has to be
   * confirmed with `WriteGrant.covers` (the index only narrows the search).
   */
  candidates(t: Trigger): LambdaFunction[] {
    const kind = sourceKindOf(t);
    const source = this.index.resource(t.sourceId);
    if (!kind || !source || source.kind !== kind) return [];
    const positions = new Set([...(this.ofKind.get(appKind(this.index.appOf(source), kind)) ?? []), ...(this.ofSource.get(source.id) ?? [])]);
    return [...positions].sort((a, b) => a - b).map((i) => this.index.model.functions[i]!);
  }

  private add(grant: WriteGrant, app: string, position: number): void {
    for (const [kind, targets] of grant.targets) {
      if (targets.all) addOnce(this.ofKind, appKind(app, kind), position);
      for (const id of targets.ids) addOnce(this.ofSource, id, position);
    }
  }
}

function appKind(app: string, kind: Resource['kind']): string {
  return `${app}\u0000${kind}`;
}

/** Positions arrive in increasing order: a repeat can only be the last one. */
function addOnce<K>(map: Map<K, number[]>, key: K, position: number): void {
  const list = map.get(key);
  if (list?.[list.length - 1] !== position) pushTo(map, key, position);
}
