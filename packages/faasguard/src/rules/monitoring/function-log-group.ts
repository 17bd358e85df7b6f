/**
 * Which declared log group, if any, receives a function's logs, and whether the function's role
 * lets it write them there.
 */
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { functionLoggingFacts } from '../../model/facts/function-logging-facts.js';
import { defaultLogGroupKey, defaultLogGroupKeysOf, LAMBDA_PREFIX, logGroupFacts, type LogGroupFacts } from '../../model/facts/log-group-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { pushTo } from '../../util/multimap.js';
import { Composite, display, ResourceRef, Unknown, type Value } from '../../model/value.js';
import { logWritingDenied, type LogWritingDenied } from '../../iam/log-writing.js';

/**
 * A lookup of the log group of each function declared in the template: the one
 * `LoggingConfig.LogGroup` names, else `/aws/lambda/<name>`.
 */
export function logGroupLookup(model: AppModel): (fn: LambdaFunction) => LogGroupFacts | undefined {
  const index = ModelIndex.of(model);
  const groups = model.resources.map(logGroupFacts).filter((g) => g !== undefined);
  // Indexed once, each key to its first group in model order: every function is looked up, and a
  // large app has as many groups as functions.
  const byId = new Map(groups.map((g) => [g.resource.id, g]));
  const byName = new Map<Value, LogGroupFacts>();
  const byAppKey = new Map<string, LogGroupFacts>();
  for (const g of groups) {
    if (g.name !== undefined && !byName.has(g.name)) byName.set(g.name, g);
    const app = index.appOf(g.resource);
    for (const key of [typeof g.name === 'string' ? `given:${g.name}` : undefined, defaultLogGroupKey(g.name)]) {
      if (key !== undefined && !byAppKey.has(`${app}\n${key}`)) byAppKey.set(`${app}\n${key}`, g);
    }
  }
  const order = new Map(groups.map((g, i) => [g, i]));
  return (fn) => {
    const logging = functionLoggingFacts(index.resource(fn.id));
    if (logging.logGroupId !== undefined) return byId.get(logging.logGroupId);
    // By name, within the function's own app: two apps of one scan may name groups alike (`/aws/lambda/${random_pet.this.id}-lambda`).
    const app = index.appOf(fn);
    if (typeof logging.logGroup === 'string') return byAppKey.get(`${app}\n${`given:${logging.logGroup}`}`) ?? byName.get(logging.logGroup);
    const found = defaultLogGroupKeysOf(fn).flatMap((key) => byAppKey.get(`${app}\n${key}`) ?? []);
    return found.sort((a, b) => order.get(a)! - order.get(b)!)[0];
  };
}

/**
 * A lookup of the group a template declares for a function under another path than Lambda's
 * (`/aws/<name>` for function `<name>`), where the function does not name a group to log to: its
 * logs go to `/aws/lambda/<name>`, a group Lambda makes, and the declared one stays empty.
 */
export function misnamedLogGroupLookup(model: AppModel): (fn: LambdaFunction) => LogGroupFacts | undefined {
  const index = ModelIndex.of(model);
  // Indexed by the name's last part once: a large app has as many groups as functions.
  const byLastPart = new Map<string, LogGroupFacts[]>();
  for (const g of model.resources.map(logGroupFacts)) {
    if (g?.name === undefined) continue;
    const name = display(g.name);
    if (!name.startsWith(LAMBDA_PREFIX)) pushTo(byLastPart, name.slice(name.lastIndexOf('/') + 1), g);
  }
  return (fn) => {
    if (fn.name === undefined || functionLoggingFacts(index.resource(fn.id)).logGroup !== undefined) return undefined;
    const name = display(fn.name);
    if (name.length < 3) return undefined;
    return byLastPart.get(name)?.find((g) => index.appOf(g.resource) === index.appOf(fn));
  };
}

/**
 * The names of the groups a function writes to: the one its `LoggingConfig` names, else its declared
 * default group's, else `/aws/lambda/<FunctionName>` (a generated name is not known offline), and
 * for the default group also `/aws/lambda/<region>.<FunctionName>`, where a Lambda@Edge replica
 * writes. An undefined entry stands for a group `LoggingConfig` names that this scan cannot name.
 */
export function functionLogGroupNames(fn: LambdaFunction, model: AppModel, group: LogGroupFacts | undefined): Array<Value | undefined> {
  const logging = functionLoggingFacts(ModelIndex.of(model).resource(fn.id));
  if (logging.logGroup !== undefined) return [group?.name ?? (typeof logging.logGroup === 'string' ? logging.logGroup : undefined)];
  const name = fn.name === undefined ? new Unknown('a name CloudFormation generates') : fn.name;
  const edge = new Composite([LAMBDA_PREFIX, new Unknown('the Region of a Lambda@Edge replica'), '.', ...valueParts(name)]);
  return [group?.name ?? new Composite([LAMBDA_PREFIX, ...valueParts(name)]), edge];
}

/** A name as the parts of a string built from it. */
function valueParts(v: Value): Array<string | ResourceRef | Unknown> {
  if (typeof v === 'string' || v instanceof ResourceRef || v instanceof Unknown) return [v];
  if (v instanceof Composite) return [...v.parts];
  return [new Unknown('a name that is not a string')];
}

/** For each function, whether its role cannot write its logs (see `iam/log-writing.ts`). */
export function logWritingDeniedLookup(model: AppModel): (fn: LambdaFunction) => LogWritingDenied | undefined {
  const index = ModelIndex.of(model);
  const groupOf = logGroupLookup(model);
  return (fn) => logWritingDenied(index.roleOf(fn), functionLogGroupNames(fn, model, groupOf(fn)), index);
}
