/**
 * Functions something else in the app refers to: a state machine's definition, another function's
 * environment, an IAM policy that lets a role invoke it, a custom resource's ServiceToken, an
 * AppSync data source. Such a function is invoked by that resource even without a trigger. A
 * function nothing refers to, with no trigger and no invoke permission, is invoked by people or
 * tools of the account only.
 *
 * References from what describes the function itself (its log group, alarms, versions, aliases,
 * URL, invoke configuration, permissions, event source mappings) do not count: they invoke nothing,
 * or are triggers and permissions already.
 */
import type { AppModel } from '../model/app-model.js';
import { Composite, isValueMap, ResourceRef, type Value } from '../model/value.js';

const NOT_INVOKERS = /^AWS::(Logs|CloudWatch)::|^AWS::Lambda::(Version|Alias|Url|EventInvokeConfig|Permission|EventSourceMapping)$/;
const MAX_DEPTH = 60;

const CACHE = new WeakMap<AppModel, Set<string>>();

/** Ids of the functions another resource of the app refers to (see the module comment). */
export function referencedFunctionIds(model: AppModel): Set<string> {
  const known = CACHE.get(model);
  if (known) return known;
  const functions = new Set(model.functions.map((f) => f.id));
  const found = new Set<string>();
  for (const r of model.resources) {
    if (NOT_INVOKERS.test(r.type)) continue;
    collect(r.properties, 0, (id) => {
      if (id !== r.id && functions.has(id)) found.add(id);
    });
  }
  CACHE.set(model, found);
  return found;
}

function collect(v: Value | undefined, depth: number, add: (id: string) => void): void {
  if (v === undefined || depth > MAX_DEPTH) return;
  if (v instanceof ResourceRef) return add(v.target);
  if (v instanceof Composite) return v.parts.forEach((p) => collect(p as Value, depth + 1, add));
  if (Array.isArray(v)) return v.forEach((x) => collect(x, depth + 1, add));
  if (isValueMap(v)) for (const x of Object.values(v)) collect(x, depth + 1, add);
}

