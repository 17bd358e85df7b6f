/**
 * What a policy's `Resource` entry points at: every resource (`*`, or an ARN whose name is a
 * wildcard such as `arn:aws:s3:::*` or `table/*`), a resource of the model (through Ref,
 * GetAtt or Sub), an ARN outside the template, or something unknown before deployment.
 */
import type { Resource, ResourceKind } from '../model/app-model.js';
import type { ModelIndex } from '../model/model-index.js';
import { Composite, display, ResourceRef, Unknown, type Value } from '../model/value.js';
import { servicePrefixOfType } from './cloudformation-services.js';
import { lookupTable } from '../util/own-keys.js';
import { coversEveryResource } from './resource-arn-formats.js';

export type ResourceTargetKind = 'any' | 'model' | 'external' | 'unknown';

/** One resource a statement names. */
export interface ResourceTarget {
  kind: ResourceTargetKind;
  /** As written (references as `${Logical.Attr}`) */
  text: string;
  /** For `model`: the model id */
  id?: string;
  /** The service the ARN belongs to, when it says (`s3`, `dynamodb`); absent for `*` */
  service?: string;
}

/** Marks unknown parts (account, region, parameters) inside a rendered ARN. */
const HOLE = '\u0000';

export function resourceTarget(v: Value, index: ModelIndex): ResourceTarget {
  const text = v instanceof Composite ? shortText(v) : display(v);
  if (v instanceof ResourceRef) return modelTarget(v, text, index);
  if (v instanceof Unknown) return { kind: 'unknown', text };
  if (v instanceof Composite) {
    const ref = v.parts.find((p): p is ResourceRef => p instanceof ResourceRef);
    if (ref) return withArnService(modelTarget(ref, text, index), v);
    return arnTarget(v.parts.map((p) => (typeof p === 'string' ? p : HOLE)).join(''), text);
  }
  if (typeof v === 'string') return arnTarget(v, text);
  return { kind: 'unknown', text };
}

/** Account and region stay unknown in nearly every ARN: `<region>` or `<unknown>` reads better than the reason. */
function shortText(v: Composite): string {
  return v.parts.map((p) => (typeof p === 'string' ? p : p instanceof Unknown ? p.label ?? '<unknown>' : p.toString())).join('');
}

/**
 * `!Sub arn:aws:logs:…:log-group:/aws/lambda/${Fn}` names a log group, not the function it
 * references: the ARN's own service, when written out, wins over the referenced resource's.
 */
function withArnService(target: ResourceTarget, v: Composite): ResourceTarget {
  const first = v.parts[0];
  if (typeof first !== 'string') return target;
  const m = /^arn:[^:]*:([a-z0-9-]+):/.exec(first);
  return m ? { ...target, service: m[1]! } : target;
}

function modelTarget(ref: ResourceRef, text: string, index: ModelIndex): ResourceTarget {
  const service = serviceOfResource(index.resource(ref.target));
  return { kind: 'model', text, id: ref.target, ...(service ? { service } : {}) };
}

function arnTarget(arn: string, text: string): ResourceTarget {
  if (arn.trim() === '*') return { kind: 'any', text };
  const parts = arn.split(':');
  // `*` spans colons in IAM: `arn:aws:sns:*:*` names every topic, as `arn:aws:sns:*:*:*` does.
  if (parts[0] === 'arn' && parts.length >= 3 && parts.length < 6 && parts[parts.length - 1] === '*' && !parts[2]!.includes(HOLE) && parts[2] !== '*') {
    return { kind: 'any', text, service: parts[2]!.toLowerCase() };
  }
  if (parts[0] !== 'arn' || parts.length < 6) return { kind: arn.includes(HOLE) ? 'unknown' : 'external', text };
  const service = parts[2]!.includes(HOLE) ? undefined : parts[2]!.toLowerCase();
  const name = resourceName(service, parts.slice(5).join(':'));
  const withService = service ? { service } : {};
  // `*`, `*/*`, `*/index/*`: every resource, where the service's ARN formats say so (`*/*` names
  // every table, but only the secrets whose name holds a `/`). `*transcribe*` is a name pattern:
  // only the matching ones.
  if (name === '*') return { kind: 'any', text, ...withService };
  if (/^\*[/:]/.test(name)) return { kind: service && coversEveryResource(service, parts.slice(5).join(':')) === false ? 'external' : 'any', text, ...withService };
  if (name.includes(HOLE)) return { kind: 'unknown', text, ...withService };
  return { kind: 'external', text, ...withService };
}

/** `table/Orders` → `Orders`; S3 ARNs have no type prefix (`bucket/key`). */
function resourceName(service: string | undefined, resource: string): string {
  if (service === 's3') return resource;
  const m = /^[A-Za-z0-9_-]+[/:](.*)$/.exec(resource);
  return m ? m[1]! : resource;
}

const KIND_SERVICE: Partial<Record<ResourceKind, string>> = {
  function: 'lambda',
  role: 'iam',
  policy: 'iam',
  bucket: 's3',
  queue: 'sqs',
  topic: 'sns',
  table: 'dynamodb',
  stream: 'kinesis',
  'log-group': 'logs',
  'user-pool': 'cognito-idp',
  'event-rule': 'events',
};

function serviceOfResource(resource: Resource | undefined): string | undefined {
  if (!resource) return undefined;
  return KIND_SERVICE[resource.kind] ?? servicePrefixOfType(resource.type);
}

/** Services whose actions name another service's resources: STS assumes IAM roles. */
const ACTS_ON: Readonly<Record<string, string>> = lookupTable({ sts: 'iam' });

/** Whether a target can concern an action of `service` (targets of unknown service always can). */
export function targetFitsService(t: ResourceTarget, service: string): boolean {
  return t.service === undefined || t.service === service || t.service === ACTS_ON[service];
}
