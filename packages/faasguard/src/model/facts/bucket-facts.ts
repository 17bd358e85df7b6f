/**
 * What an S3 bucket says about who may reach its objects: its canned ACL, its public access block
 * and whether it serves a static website.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';

export const BUCKET_TYPE = 'AWS::S3::Bucket';

/** Canned ACLs that let everyone (or every AWS account holder) read the bucket. */
const PUBLIC_READ_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

/** Typed view of an `AWS::S3::Bucket`. */
export interface BucketFacts {
  resource: Resource;
  /** The canned ACL (`AccessControl`), when written as a literal */
  acl?: string;
  /** Where `AccessControl` is written (the bucket when it is not) */
  aclLoc: SourceLocation;
  /** Where `WebsiteConfiguration` is written: the bucket serves a static website */
  websiteLoc?: SourceLocation;
  /** S3 would apply a public ACL: neither `BlockPublicAcls` (which refuses it) nor `IgnorePublicAcls` is on */
  publicAclApplies: boolean;
  /** S3 would apply a public bucket policy: neither `BlockPublicPolicy` (which refuses it) nor `RestrictPublicBuckets` is on */
  publicPolicyApplies: boolean;
}

export function bucketFacts(resource: Resource): BucketFacts | undefined {
  if (resource.type !== BUCKET_TYPE) return undefined;
  const p = resource.properties;
  const pab = resource.publicAccessBlock;
  const facts: BucketFacts = {
    resource,
    aclLoc: resource.locate('AccessControl'),
    publicAclApplies: !(pab?.blockPublicAcls || pab?.ignorePublicAcls),
    publicPolicyApplies: !(pab?.blockPublicPolicy || pab?.restrictPublicBuckets),
  };
  if (typeof resource.acl === 'string') facts.acl = resource.acl;
  if (p['WebsiteConfiguration'] !== undefined && p['WebsiteConfiguration'] !== null) facts.websiteLoc = resource.locate('WebsiteConfiguration');
  return facts;
}

/** The ACL lets anyone read (list) the bucket, and S3 would apply it. */
export function hasPublicReadAcl(b: BucketFacts): boolean {
  return b.publicAclApplies && b.acl !== undefined && PUBLIC_READ_ACLS.has(b.acl);
}

/** The ACL lets anyone write objects, and S3 would apply it. */
export function hasPublicWriteAcl(b: BucketFacts): boolean {
  return b.publicAclApplies && b.acl === 'PublicReadWrite';
}
