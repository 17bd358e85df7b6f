/**
 * Which event sources of the model a policy `Resource` entry names, and how: every source of its
 * kind (`*`, an ARN whose name is all wildcard), or sources it names explicitly. An explicit name is
 * a reference within the template, an `Fn::ImportValue` of another stack's export, the value of an
 * SSM parameter another stack writes (`AWS::SSM::Parameter` with that literal `Name`, read through a
 * template parameter of type `AWS::SSM::Parameter::Value<String>` or `{{resolve:ssm:…}}`), or a
 * literal ARN or name (wildcards allowed, `orders-*`) equal to a source's literal physical name. Explicit names
 * link across applications; `*` reaches only the application of the statement (see `Stack.app`).
 */
import type { AppModel, Resource, StackExport } from '../model/app-model.js';
import { Composite, ImportedValue, referencedResource, ResourceRef, type Value } from '../model/value.js';
import { ssmParameterName } from '../model/ssm-parameter-name.js';
import type { ModelIndex } from '../model/model-index.js';
import { pushTo } from '../util/multimap.js';
import { wildcardRegExp } from '../util/wildcard-regexp.js';

/** What one `Resource` entry reaches among sources of one kind. */
export type LinkedSources = { all: true } | { all: false; ids: string[] };

const SERVICE_OF_KIND: Readonly<Record<string, string>> = { bucket: 's3', queue: 'sqs', topic: 'sns', table: 'dynamodb', stream: 'kinesis' };

/** The property holding a source's physical name. */
const NAME_PROPERTY: Readonly<Record<string, string>> = { bucket: 'BucketName', queue: 'QueueName', topic: 'TopicName', table: 'TableName', stream: 'Name' };

/** Marks parts of an ARN known only at deploy time (account, region, parameters). */
const HOLE = '\u0000';

const NONE: LinkedSources = { all: false, ids: [] };

interface Lookups {
  exports: Map<string, StackExport>;
  /** The value each `AWS::SSM::Parameter` of literal name holds */
  ssm: Map<string, Value>;
  /** Sources with a literal physical name, by kind */
  named: Map<Resource['kind'], Array<{ name: string; id: string }>>;
  /** The same by kind and exact name, for ARNs without wildcards */
  exact: Map<string, string[]>;
}

const LOOKUPS = new WeakMap<AppModel, Lookups>();

function lookups(model: AppModel): Lookups {
  let l = LOOKUPS.get(model);
  if (l) return l;
  l = { exports: new Map(), ssm: new Map(), named: new Map(), exact: new Map() };
  // The first stack exporting a name wins: CloudFormation refuses a second one in the same region.
  for (const s of model.stacks) for (const e of s.exports) if (!l.exports.has(e.name)) l.exports.set(e.name, e);
  for (const r of model.resources) {
    const ssmName = r.type === 'AWS::SSM::Parameter' ? r.properties['Name'] : undefined;
    const ssmValue = r.properties['Value'];
    if (typeof ssmName === 'string' && ssmValue !== undefined && !l.ssm.has(ssmName)) l.ssm.set(ssmName, ssmValue);
    const property = NAME_PROPERTY[r.kind];
    const name = property ? r.properties[property] : undefined;
    if (typeof name !== 'string' || name === '') continue;
    pushTo(l.named, r.kind, { name, id: r.id });
    pushTo(l.exact, `${r.kind}\u0000${name}`, r.id);
  }
  LOOKUPS.set(model, l);
  return l;
}

/** The sources of `kind` a policy resource entry reaches. */
export function linkedSources(v: Value, kind: Resource['kind'], index: ModelIndex): LinkedSources {
  return linked(v, kind, index, 0);
}

function linked(v: Value, kind: Resource['kind'], index: ModelIndex, depth: number): LinkedSources {
  if (v === '*') return { all: true };
  const ref = referencedResource(v);
  if (ref) return { all: false, ids: [ref.target] };
  if (v instanceof ImportedValue) return imported(v, kind, index, depth);
  const ssm = ssmParameterName(v);
  if (ssm !== undefined) return stored(ssm, kind, index, depth);
  const arn = typeof v === 'string' ? v : v instanceof Composite ? rendered(v) : undefined;
  return arn === undefined ? NONE : byArn(arn, kind, index);
}

/** An import links to what the export's value names (an export of an export is followed a few times). */
function imported(v: ImportedValue, kind: Resource['kind'], index: ModelIndex, depth: number): LinkedSources {
  const exported = lookups(index.model).exports.get(v.exportName);
  if (!exported || depth > 4) return NONE;
  const result = linked(exported.value, kind, index, depth + 1);
  return result.all ? NONE : result;
}

/** An SSM parameter links to what the stack that writes it stores in it. */
function stored(name: string, kind: Resource['kind'], index: ModelIndex, depth: number): LinkedSources {
  const value = lookups(index.model).ssm.get(name);
  if (value === undefined || depth > 4) return NONE;
  const result = linked(value, kind, index, depth + 1);
  return result.all ? NONE : result;
}


function rendered(v: Composite): string {
  return v.parts.map((p) => (typeof p === 'string' ? p : p instanceof ResourceRef ? p.toString() : HOLE)).join('');
}

function byArn(arn: string, kind: Resource['kind'], index: ModelIndex): LinkedSources {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== SERVICE_OF_KIND[kind]) return NONE;
  const name = sourceName(kind, parts.slice(5).join(':'));
  if (name === undefined || name.includes(HOLE)) return NONE;
  if (/^\*+$/.test(name)) return { all: true };
  const l = lookups(index.model);
  if (!/[*?]/.test(name)) return { all: false, ids: l.exact.get(`${kind}\u0000${name}`) ?? [] };
  const pattern = wildcardRegExp(name);
  return { all: false, ids: (l.named.get(kind) ?? []).filter((n) => pattern.test(n.name)).map((n) => n.id) };
}

/** The name part of a source's ARN: `bucket/key*` → `bucket`, `table/Orders/stream/…` → `Orders`, `stream/Clicks` → `Clicks`. */
function sourceName(kind: Resource['kind'], resource: string): string | undefined {
  if (kind === 'bucket') return resource.split('/')[0];
  if (kind === 'table' || kind === 'stream') {
    const m = /^(?:table|stream)\/([^/]+)/.exec(resource);
    return m ? m[1] : resource === '*' ? '*' : undefined;
  }
  return resource;
}

