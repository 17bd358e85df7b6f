/**
 * A function's asynchronous triggers (S3, SNS, EventBridge …): the ones whose failed events Lambda
 * retries and then drops. Indexed once per model, so rules looping over functions stay linear.
 * A custom resource's request is left out: CloudFormation waits for the function's answer, and a
 * request it never gets fails the stack operation in sight of whoever deploys; nothing is lost unseen.
 */
import type { RelatedLocation } from '../findings/finding.js';
import type { AppModel, LambdaFunction, Trigger } from '../model/app-model.js';

const byModel = new WeakMap<AppModel, Map<string, Trigger[]>>();

export function asyncTriggers(model: AppModel, fn: LambdaFunction): Trigger[] {
  let index = byModel.get(model);
  if (!index) {
    index = new Map();
    for (const t of model.triggers) {
      if (!t.asynchronous || t.kind === 'cloudformation-custom-resource') continue;
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
