/**
 * What writes into each log group of the template: the function whose logs it keeps, the API
 * stages that send it their access logs. A message names the writer; a group nobody is known to
 * write into is judged all the same.
 */
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { LOG_GROUP_TYPE, logGroupFacts, type LogGroupFacts } from '../../model/facts/log-group-facts.js';
import { referencedResource } from '../../model/value.js';
import { nameOf } from '../subject.js';
import { stagesOf, stageText, type StageOfApi } from './api-stages.js';
import { logGroupLookup } from './function-log-group.js';

export interface LogGroupWriters {
  group: LogGroupFacts;
  functions: LambdaFunction[];
  stages: StageOfApi[];
}

export function logGroupWriters(model: AppModel): LogGroupWriters[] {
  const groups = model.resources.filter((r) => r.type === LOG_GROUP_TYPE).map(logGroupFacts).filter((g) => g !== undefined);
  const byId = new Map<string, LogGroupWriters>(groups.map((g) => [g.resource.id, { group: g, functions: [], stages: [] }]));
  const logGroupOf = logGroupLookup(model);
  for (const fn of model.functions) {
    const group = logGroupOf(fn);
    if (group) byId.get(group.resource.id)?.functions.push(fn);
  }
  for (const s of stagesOf(model)) {
    const target = referencedResource(s.stage.accessLogDestination)?.target;
    if (target !== undefined) byId.get(target)?.stages.push(s);
  }
  return [...byId.values()];
}

/** `: the access logs of Stage prod of API Shop` / `: the logs of function Orders`, or nothing. */
export function writersText(w: LogGroupWriters): string {
  const parts = [...w.stages.map((s) => `the access logs of ${stageText(s).replace(/^Stage/, 'stage')}`), ...w.functions.map((f) => `the logs of function ${nameOf(f)}`)];
  return parts.length > 0 ? ` (it keeps ${parts.join(', ')})` : '';
}
