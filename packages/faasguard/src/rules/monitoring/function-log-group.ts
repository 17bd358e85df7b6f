/**
 * Which declared log group, if any, receives a function's logs.
 */
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { functionLoggingFacts } from '../../model/facts/function-logging-facts.js';
import { isDefaultLogGroupName, logGroupFacts, type LogGroupFacts } from '../../model/facts/log-group-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { pushTo } from '../../util/multimap.js';

/**
 * A lookup of the log group of each function declared in the template: the one
 * `LoggingConfig.LogGroup` names, else `/aws/lambda/<name>`.
 */
export function logGroupLookup(model: AppModel): (fn: LambdaFunction) => LogGroupFacts | undefined {
  const index = ModelIndex.of(model);
  const groups = model.resources.map(logGroupFacts).filter((g) => g !== undefined);
  // Indexed once: every function is looked up, and a large app has as many groups as functions.
  const byId = new Map(groups.map((g) => [g.resource.id, g]));
  const byApp = new Map<string, LogGroupFacts[]>();
  for (const g of groups) pushTo(byApp, index.appOf(g.resource), g);
  return (fn) => {
    const logging = functionLoggingFacts(index.resource(fn.id));
    if (logging.logGroupId !== undefined) return byId.get(logging.logGroupId);
    // By name, within the function's own app: two apps of one scan may name groups alike (`/aws/lambda/${random_pet.this.id}-lambda`).
    const own = byApp.get(index.appOf(fn)) ?? [];
    if (typeof logging.logGroup === 'string') return own.find((g) => g.name === logging.logGroup) ?? groups.find((g) => g.name === logging.logGroup);
    return own.find((g) => isDefaultLogGroupName(g.name, fn));
  };
}
