/**
 * The resource types each IAM action acts on, with their ARN formats, as the Service Authorization
 * Reference lists them (extracted at build time into `dist/data/iam-action-resources/<service>.json`
 * by scripts/build-iam-actions.mjs): `logs:*` on a log group's ARN grants `logs:PutLogEvents`, but
 * not `logs:CreateDelivery`, whose resources are deliveries and their sources and destinations.
 */
import { builtDataPath, damagedBuiltData, readBuiltJson } from '../files/built-data.js';
import { isKnownService } from './action-catalog.js';
import { arnPatternMeetsFormat } from './arn-overlap.js';

interface ServiceResources {
  /** Resource type (lower case) → its whole ARN format */
  types: Readonly<Record<string, string>>;
  /** Action name → the resource types it acts on; actions only `*` can grant are absent */
  actions: Readonly<Record<string, readonly string[]>>;
}

const WHAT = 'The IAM resource types';

/** Read one service at a time, on first use: only statements that name resources need them. */
const byService = new Map<string, ServiceResources | undefined>();
/** Per service and pattern, the resource types the pattern can name (bounded: a large app names many resources). */
const meeting = new Map<string, ReadonlySet<string>>();
const MAX_MEETING = 20_000;

function serviceResources(service: string): ServiceResources | undefined {
  if (byService.has(service)) return byService.get(service);
  const file = builtDataPath(`iam-action-resources/${service}.json`);
  const data = isKnownService(service) ? readBuiltJson(file, WHAT) : undefined;
  if (data !== undefined && !isServiceResources(data)) throw damagedBuiltData(file, WHAT, 'no types and actions');
  byService.set(service, data);
  return data;
}

function isServiceResources(data: unknown): data is ServiceResources {
  const d = data as Partial<ServiceResources> | null;
  return typeof d === 'object' && d !== null && typeof d.types === 'object' && typeof d.actions === 'object';
}

function typesMeeting(service: string, resources: ServiceResources, pattern: string): ReadonlySet<string> {
  const key = `${service}\n${pattern}`;
  let types = meeting.get(key);
  if (!types) {
    types = new Set(Object.entries(resources.types).flatMap(([name, format]) => (arnPatternMeetsFormat(pattern, format) ? [name] : [])));
    if (meeting.size >= MAX_MEETING) meeting.clear();
    meeting.set(key, types);
  }
  return types;
}

/**
 * Whether a statement's resource, as an ARN pattern (IAM's `*` and `?`), can name a resource
 * `service:name` acts on. True when the catalogue does not know the action: the answer may only
 * err toward "can".
 */
export function mayActOn(service: string, name: string, arnPattern: string): boolean {
  const resources = serviceResources(service.toLowerCase());
  const types = resources && Object.hasOwn(resources.actions, name) ? resources.actions[name] : undefined;
  if (!resources || !types) return true;
  const met = typesMeeting(service.toLowerCase(), resources, arnPattern);
  return types.some((t) => met.has(t));
}

/** A resource type's whole ARN format (`arn:${Partition}:s3:::${BucketName}`), when the catalogue lists it. */
export function resourceTypeFormat(service: string, resourceType: string): string | undefined {
  const types = serviceResources(service)?.types;
  return types && Object.hasOwn(types, resourceType) ? types[resourceType] : undefined;
}
