/**
 * Reading a policy statement's `Condition` block: which values a condition key may take. Only
 * the string operators are understood; a key tested by any other operator, or compared with a
 * value the template does not give (a parameter, an import), is treated as unconstrained, so a
 * caller never believes a grant narrower than it is.
 */
import type { PolicyStatement } from '../model/app-model.js';
import { asArray, isValueMap } from '../model/value.js';
import { wildcardRegExp } from '../util/wildcard-regexp.js';

/** One value a test compares with: a `*`/`?` pattern for the `Like` operators, else literal. */
export interface ConditionValue {
  text: string;
  wildcard: boolean;
}

/** What a statement's conditions say about one key. */
export interface KeyConstraint {
  /** Every positive test (`StringEquals`, `StringLike`, `ArnLike` …): the key matches one value of each */
  allowed: ConditionValue[][];
  /** The key matches none of these (`StringNotEquals`, `StringNotLike` …) */
  denied: ConditionValue[];
}

const POSITIVE = /^(?:For(?:Any|All)Values:)?(?:String(?:Equals|Like|EqualsIgnoreCase)|Arn(?:Equals|Like))(?:IfExists)?$/;
const NEGATIVE = /^(?:For(?:Any|All)Values:)?String(?:NotEquals|NotLike|NotEqualsIgnoreCase)(?:IfExists)?$/;

/** The constraint on `key` (case-insensitive, as IAM compares keys), or undefined when no understood test names it. */
export function keyConstraint(s: PolicyStatement, key: string): KeyConstraint | undefined {
  if (!s.conditions) return undefined;
  const out: KeyConstraint = { allowed: [], denied: [] };
  for (const [operator, block] of Object.entries(s.conditions)) {
    if (!isValueMap(block)) continue;
    for (const [k, v] of Object.entries(block)) {
      if (k.toLowerCase() !== key.toLowerCase()) continue;
      const values = asArray(v);
      const strings = values.filter((x): x is string => typeof x === 'string');
      if (strings.length !== values.length) continue; // a value not known: no constraint from this test
      // ArnEquals compares with wildcards too; StringEquals does not.
      const wildcard = /Like|Arn/.test(operator);
      const tested = strings.map((text) => ({ text, wildcard }));
      if (POSITIVE.test(operator)) out.allowed.push(tested);
      else if (NEGATIVE.test(operator)) out.denied.push(...tested);
    }
  }
  return out.allowed.length > 0 || out.denied.length > 0 ? out : undefined;
}

/** Whether some value for which `fits` holds satisfies the constraint; `fits` tells whether a condition value can cover the one sought. */
export function constraintAllows(c: KeyConstraint | undefined, fits: (v: ConditionValue) => boolean): boolean {
  if (!c) return true;
  return c.allowed.every((set) => set.some(fits));
}

/** Whether the constraint allows exactly `value`. */
export function constraintAllowsValue(c: KeyConstraint | undefined, value: string): boolean {
  if (!c) return true;
  if (c.denied.some((d) => valueMatches(d, value))) return false;
  return constraintAllows(c, (v) => valueMatches(v, value));
}

export function valueMatches(v: ConditionValue, value: string): boolean {
  if (!v.wildcard) return v.text.toLowerCase() === value.toLowerCase();
  return wildcardRegExp(v.text, 'i').test(value);
}

/**
 * Condition keys that a function's own calls always meet and that narrow no resource: a statement
 * limited by them alone still reaches every resource the caller can name (every bucket of the
 * Region, over TLS as every SDK call is). Keys that can block the function itself (MFA, `CalledVia`,
 * a source IP or VPC) or scope resources (`aws:ResourceTag/…`, `s3:prefix`) are not among them.
 */
const KEYS_NARROWING_NO_RESOURCE: ReadonlySet<string> = new Set(['aws:requestedregion', 'aws:securetransport']);

/** Whether the statement has a condition that may scope what it grants (or to whom): any key but those above. */
export function mayBeScopedByCondition(s: PolicyStatement): boolean {
  if (!s.conditions) return false;
  for (const block of Object.values(s.conditions)) {
    if (!isValueMap(block)) return true;
    if (Object.keys(block).some((key) => !KEYS_NARROWING_NO_RESOURCE.has(key.toLowerCase()))) return true;
  }
  return false;
}

/** Keys that limit a statement to the resources that carry a tag (`secretsmanager:ResourceTag/SageMaker`, `s3:ExistingObjectTag/…`). */
const RESOURCE_TAG_KEY = /(?:^|:)(?:ResourceTag|ExistingObjectTag)\//i;

/**
 * Whether a positive test limits the statement to resources that carry a tag: written on `*`, it
 * reaches only the resources so tagged, not every resource (AWS's managed policies for a service
 * grant reads of the secrets and objects tagged for it this way).
 */
export function limitedToTaggedResources(s: PolicyStatement): boolean {
  if (!s.conditions) return false;
  return Object.entries(s.conditions).some(([operator, block]) => POSITIVE.test(operator) && isValueMap(block) && Object.keys(block).some((key) => RESOURCE_TAG_KEY.test(key)));
}
