/**
 * Every way a template makes a bucket public: a canned ACL, or a bucket policy statement that
 * allows everyone with no condition narrowing who, that S3 would apply (see `BucketFacts`). A
 * policy for a bucket outside the template is judged on its own: the policy resource stands for it.
 */
import type { AppModel, PolicyStatement, Resource } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { bucketFacts, hasPublicReadAcl, hasPublicWriteAcl } from '../../model/facts/bucket-facts.js';
import { capabilities, type Capability } from '../../analysis/resource-policy-grants.js';
import { resourcePolicies } from '../../analysis/resource-policies.js';
import { isPublicAllow } from '../../analysis/source-writers.js';

export interface BucketPublicGrant {
  /** The bucket, or the policy resource when the bucket is not in the template */
  subject: Resource;
  /** Every bucket of the model the grant opens (the subject first) */
  buckets: Resource[];
  how: 'acl' | 'policy';
  /** What everyone may do: read (list), write, manage */
  capabilities: Capability[];
  loc: SourceLocation;
  /** For `policy`: the statement */
  statement?: PolicyStatement;
  /** Stable identity within the file */
  key: string[];
}

export function bucketPublicGrants(model: AppModel): BucketPublicGrant[] {
  return [...aclGrants(model), ...policyGrants(model)];
}

function aclGrants(model: AppModel): BucketPublicGrant[] {
  const out: BucketPublicGrant[] = [];
  for (const r of model.resources) {
    const b = bucketFacts(r);
    if (!b || !hasPublicReadAcl(b)) continue;
    const caps: Capability[] = hasPublicWriteAcl(b) ? ['read', 'write'] : ['read'];
    out.push({ subject: r, buckets: [r], how: 'acl', capabilities: caps, loc: b.aclLoc, key: [r.logicalId, 'acl'] });
  }
  return out;
}

function policyGrants(model: AppModel): BucketPublicGrant[] {
  const out: BucketPublicGrant[] = [];
  for (const p of resourcePolicies(model)) {
    if (p.kind !== 'bucket') continue;
    // A public access block that refuses or restricts public policies keeps the bucket private.
    const buckets = p.governed.filter((b) => bucketFacts(b)?.publicPolicyApplies !== false);
    if (p.governed.length > 0 && buckets.length === 0) continue;
    p.document.statements.forEach((s, i) => {
      const caps = isPublicAllow(s) ? capabilities(s, 'bucket') : [];
      if (caps.length === 0) return;
      out.push({ subject: buckets[0] ?? p.holder, buckets, how: 'policy', capabilities: caps, loc: s.loc, statement: s, key: [p.holder.logicalId, s.sid ?? `statement${i}`] });
    });
  }
  return out;
}
