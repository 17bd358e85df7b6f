/**
 * How findings name one of a function's Function URLs: the unqualified URL as the function (the
 * key findings always had, so baselines still match), a URL on an alias with the alias too.
 */
import type { FunctionUrl, LambdaFunction } from '../app-model.js';
import { display } from '../value.js';

/** ` on alias live`, or nothing for the unqualified URL. */
export function qualifierText(url: FunctionUrl): string {
  return url.qualifier === undefined ? '' : ` on alias ${display(url.qualifier)}`;
}

/** A finding's key parts for the URL; `extra` is the rule's own suffix. */
export function urlKey(fn: LambdaFunction, url: FunctionUrl, ...extra: string[]): string[] {
  return [fn.logicalId, ...extra, ...(url.qualifier === undefined ? [] : [display(url.qualifier)])];
}

/** The URL the `function-url` trigger makes. */
export function urlOfTrigger(fn: LambdaFunction | undefined, triggerId: string): FunctionUrl | undefined {
  return fn?.urls.find((u) => u.triggerId === triggerId);
}
