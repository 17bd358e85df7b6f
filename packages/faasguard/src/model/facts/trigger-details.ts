/**
 * A trigger's event-specific detail by name. SAM events keep their properties as written
 * (`Schedule`, `Trigger`); the CloudFormation and Serverless loaders write camel case (`schedule`,
 * `trigger`): this is the one place that reads both.
 */
import type { Trigger } from '../app-model.js';
import type { Value } from '../value.js';

/** `name` in camel case (`schedule`); its SAM spelling (`Schedule`) first, as the two never meet. */
export function triggerDetail(t: Trigger, name: string): Value | undefined {
  return t.details[name.charAt(0).toUpperCase() + name.slice(1)] ?? t.details[name];
}
