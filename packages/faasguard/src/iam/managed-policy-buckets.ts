/**
 * The AWS managed policies' documents are kept in 256 small files, a policy's file named by the
 * first two hex digits of the SHA-256 of its name: a scan that meets two or three managed policies
 * reads a few kilobytes, not the 3 MB of all of them. The build (`scripts/build-managed-policies.mjs`)
 * and the reader share this function.
 */
import { createHash } from 'node:crypto';

export function policyBucket(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 2);
}
