/**
 * Whether a bucket honours the ACLs written on its objects. With Object Ownership set to
 * `BucketOwnerEnforced` S3 rejects requests that set a non-default ACL; with `BlockPublicAcls` it rejects
 * public ones, and with `IgnorePublicAcls` it ignores them. Unset, a template says nothing: the
 * defaults of new buckets (since April 2023) block ACLs, but a bucket brought into the stack keeps its own.
 */
import type { Resource } from '../app-model.js';
import { asArray, isValueMap } from '../value.js';

/** Typed view of what an `AWS::S3::Bucket` says about object ACLs. */
export interface BucketAclFacts {
  /** The template makes S3 reject or ignore public object ACLs */
  publicAclsRefused: boolean;
}

export function bucketAclFacts(bucket: Resource): BucketAclFacts | undefined {
  if (bucket.kind !== 'bucket') return undefined;
  const block = bucket.publicAccessBlock;
  const blocked = block !== undefined && (block.blockPublicAcls || block.ignorePublicAcls);
  return { publicAclsRefused: blocked || ownerEnforced(bucket) };
}

function ownerEnforced(bucket: Resource): boolean {
  const controls = bucket.properties['OwnershipControls'];
  if (!isValueMap(controls)) return false;
  return asArray(controls['Rules']).some((r) => isValueMap(r) && r['ObjectOwnership'] === 'BucketOwnerEnforced');
}
