/**
 * Which functions a finding's subject concerns, so that a report can show "the findings of this
 * function": the function itself, its execution role, the routes, APIs, URLs, permissions and event
 * sources that invoke it. Resources a function merely reaches are left out: a table read by fifty
 * functions is not a problem of each of them.
 */
import type { AppModel } from '../model/app-model.js';
import { setOwn } from '../util/own-keys.js';

/** Model id of a finding subject → ids of the functions it concerns, sorted; subjects that concern none are absent. */
export type SubjectFunctions = Record<string, string[]>;

export function subjectFunctions(model: AppModel): SubjectFunctions {
  const links = new Map<string, Set<string>>();
  const link = (subject: string | undefined, fn: string | undefined): void => {
    if (subject === undefined || fn === undefined) return;
    const set = links.get(subject) ?? new Set<string>();
    set.add(fn);
    links.set(subject, set);
  };
  for (const fn of model.functions) {
    link(fn.id, fn.id);
    link(fn.role?.roleId, fn.id);
  }
  for (const t of model.triggers) {
    link(t.id, t.functionId);
    link(t.sourceId, t.functionId);
    link(t.routeId, t.functionId);
  }
  for (const r of model.routes) {
    link(r.id, r.functionId);
    link(r.apiId, r.functionId);
  }
  for (const p of model.permissions) link(p.id, p.functionId);
  return sortedRecord(links);
}

/** Keys and lists in code-unit order, so that the same model gives the same bytes. */
function sortedRecord(links: Map<string, Set<string>>): SubjectFunctions {
  const out: SubjectFunctions = {};
  for (const key of [...links.keys()].sort()) setOwn(out, key, [...links.get(key)!].sort());
  return out;
}
