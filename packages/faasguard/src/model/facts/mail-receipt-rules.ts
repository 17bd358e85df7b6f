/**
 * Where SES receipt rules put the e-mail their recipients receive: the buckets of the model their
 * `S3Action`s store each message in. Anyone on the internet can send such a message, so a bucket
 * that receives mail is written by strangers, whatever its own policy says.
 */
import type { AppModel, Resource } from '../app-model.js';
import { isRef, isValueMap, type Value } from '../value.js';

export const RECEIPT_RULE_TYPE = 'AWS::SES::ReceiptRule';

const COMPUTED = new WeakMap<AppModel, Map<string, Resource>>();

/** Each bucket (model id) that an SES receipt rule stores received e-mail in, with the first such rule. */
export function bucketsReceivingMail(model: AppModel): ReadonlyMap<string, Resource> {
  let found = COMPUTED.get(model);
  if (found) return found;
  found = new Map();
  for (const r of model.resources) {
    if (r.type !== RECEIPT_RULE_TYPE) continue;
    for (const bucket of bucketsOf(r)) if (!found.has(bucket)) found.set(bucket, r);
  }
  COMPUTED.set(model, found);
  return found;
}

/** The buckets a rule's `S3Action`s name by reference; one named by text is not matched to the model. */
function bucketsOf(rule: Resource): string[] {
  const body = rule.properties['Rule'];
  const actions: Value | undefined = isValueMap(body) ? body['Actions'] : undefined;
  if (!Array.isArray(actions)) return [];
  return actions.flatMap((action) => {
    const s3 = isValueMap(action) ? action['S3Action'] : undefined;
    const bucket = isValueMap(s3) ? s3['BucketName'] : undefined;
    return isRef(bucket) ? [bucket.target] : [];
  });
}
