/**
 * Which declared log group, if any, receives a function's logs.
 */
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { functionLoggingFacts } from '../../model/facts/function-logging-facts.js';
import { isDefaultLogGroupName, logGroupFacts, type LogGroupFacts } from '../../model/facts/log-group-facts.js';
import { ModelIndex } from '../../model/model-index.js';

/**
 * A lookup of the log group of each function declared in the template: the one
 * `LoggingConfig.LogGroup` names, else `/aws/lambda/<name>`.
 */
export function logGroupLookup(model: AppModel): (fn: LambdaFunction) => LogGroupFacts | undefined {
  const index = ModelIndex.of(model);
  const groups = model.resources.map(logGroupFacts).filter((g) => g !== undefined);
  return (fn) => {
    const logging = functionLoggingFacts(index.resource(fn.id));
    if (logging.logGroupId !== undefined) return groups.find((g) => g.resource.id === logging.logGroupId);
    // By name, within the function's own app: two apps of one scan may name groups alike (`/aws/lambda/${random_pet.this.id}-lambda`).
    const own = groups.filter((g) => index.appOf(g.resource) === index.appOf(fn));
    if (typeof logging.logGroup === 'string') return own.find((g) => g.name === logging.logGroup) ?? groups.find((g) => g.name === logging.logGroup);
    return own.find((g) => isDefaultLogGroupName(g.name, fn));
  };
}
