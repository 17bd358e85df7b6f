/**
 * A function's asynchronous triggers (S3, SNS, EventBridge …): the ones whose failed events Lambda
 * retries and then drops. Indexed once per model, so rules looping over functions stay linear.
 */
import type { RelatedLocation } from '../findings/finding.js';
import type { AppModel, LambdaFunction, Trigger } from '../model/app-model.js';

const byModel = new WeakMap<AppModel, Map<string, Trigger[]>>();

export function asyncTriggers(model: AppModel, fn: LambdaFunction): Trigger[] {
  let index = byModel.get(model);
  if (!index) {
    index = new Map();
    for (const t of model.triggers) {
      if (!t.asynchronous) continue;
      const list = index.get(t.functionId) ?? [];
      list.push(t);
      index.set(t.functionId, list);
    }
    byModel.set(model, index);
  }
  return index.get(fn.id) ?? [];
}

/** "s3, sns" */
export function triggerKindsText(triggers: readonly Trigger[]): string {
  return [...new Set(triggers.map((t) => t.kind))].join(', ');
}

export function triggersRelated(triggers: readonly Trigger[]): RelatedLocation[] {
  return triggers.map((t) => ({ loc: t.loc, message: `asynchronous ${t.kind} trigger` }));
}
