/**
 * What a function's role lets it write into: the event sources it could feed. Used for chains
 * (a public function feeding another) and recursive loops (a function feeding itself).
 */
import type { LambdaFunction, PolicyStatement, Resource, Trigger } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import type { ModelIndex } from '../model/model-index.js';
import { referencedResource, type Value } from '../model/value.js';
import { anyActionMatches } from '../iam/action-matches.js';
import { WRITE_ACTIONS } from './source-writers.js';

export interface WriteGrant {
  /** Whether this grant lets the function emit the trigger's events */
  covers(t: Trigger): boolean;
  loc: SourceLocation;
}

const SOURCE_KIND_OF_TRIGGER: Readonly<Record<string, Resource['kind']>> = {
  s3: 'bucket',
  sqs: 'queue',
  sns: 'topic',
  dynamodb: 'table',
  kinesis: 'stream',
};

export function functionWrites(fn: LambdaFunction, index: ModelIndex): WriteGrant[] {
  const role = index.model.roles.find((r) => r.id === fn.role?.roleId);
  if (!role) return [];
  const grants: WriteGrant[] = [];
  for (const policy of role.policies) {
    for (const s of policy.document?.statements ?? []) {
      if (s.effect !== 'Allow') continue;
      grants.push({ covers: (t) => statementCovers(s, t, index), loc: s.loc });
    }
  }
  return grants;
}

function statementCovers(s: PolicyStatement, t: Trigger, index: ModelIndex): boolean {
  const kind = SOURCE_KIND_OF_TRIGGER[t.kind];
  const source = index.resource(t.sourceId);
  if (!kind || !source || source.kind !== kind) return false;
  if (!anyActionMatches(s.actions, WRITE_ACTIONS[kind] ?? [])) return false;
  return s.resources.some((r) => resourceCovers(r, source));
}

/** `*`, or an ARN built from the source itself (`!GetAtt Queue.Arn`, `${Bucket.Arn}/*`, `arn:…:${Bucket}/*`). */
function resourceCovers(r: Value, source: Resource): boolean {
  if (r === '*') return true;
  if (typeof r === 'string') return wildcardArnCovers(r, source);
  return referencedResource(r)?.target === source.id;
}

const SERVICE_OF_KIND: Readonly<Record<string, string>> = { bucket: 's3', queue: 'sqs', topic: 'sns', table: 'dynamodb', stream: 'kinesis' };

// An ARN of the source's service whose resource part is all wildcard (arn:aws:s3:::* and the like) covers every resource of it.
function wildcardArnCovers(arn: string, source: Resource): boolean {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== SERVICE_OF_KIND[source.kind]) return false;
  const resource = parts.slice(5).join(':');
  return /^(\*|\*\/\*|table\/\*|stream\/\*)(\/.*)?$/.test(resource);
}
