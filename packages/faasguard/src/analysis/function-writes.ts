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
  /** The kinds of source it can write to, each with the resources it names: `all` for `*` and wildcard ARNs, else model ids */
  targets: Map<Resource['kind'], 'all' | Set<string>>;
}

const SOURCE_KIND_OF_TRIGGER: Readonly<Record<string, Resource['kind']>> = {
  s3: 'bucket',
  sqs: 'queue',
  sns: 'topic',
  dynamodb: 'table',
  kinesis: 'stream',
};

export function functionWrites(fn: LambdaFunction, index: ModelIndex): WriteGrant[] {
  const role = index.roleOf(fn);
  if (!role) return [];
  const grants: WriteGrant[] = [];
  for (const policy of role.policies) {
    for (const s of policy.document?.statements ?? []) {
      if (s.effect !== 'Allow') continue;
      grants.push({ covers: (t) => statementCovers(s, t, index), loc: s.loc, targets: statementTargets(s) });
    }
  }
  return grants;
}

/** The source kind a trigger's events come from, when a function's role could write them (S3, SQS, SNS, DynamoDB, Kinesis). */
export function sourceKindOf(t: Trigger): Resource['kind'] | undefined {
  return SOURCE_KIND_OF_TRIGGER[t.kind];
}

/** What `statementCovers` can ever accept, without a trigger: to index writers by the sources they reach. */
function statementTargets(s: PolicyStatement): WriteGrant['targets'] {
  const targets: WriteGrant['targets'] = new Map();
  for (const kind of new Set(Object.values(SOURCE_KIND_OF_TRIGGER))) {
    if (!anyActionMatches(s.actions, WRITE_ACTIONS[kind] ?? [])) continue;
    const ids = new Set<string>();
    let all = false;
    for (const r of s.resources) {
      if (r === '*' || (typeof r === 'string' && wildcardArnCovers(r, kind))) all = true;
      const target = typeof r === 'string' ? undefined : referencedResource(r)?.target;
      if (target !== undefined) ids.add(target);
    }
    if (all) targets.set(kind, 'all');
    else if (ids.size > 0) targets.set(kind, ids);
  }
  return targets;
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
  if (typeof r === 'string') return wildcardArnCovers(r, source.kind);
  return referencedResource(r)?.target === source.id;
}

const SERVICE_OF_KIND: Readonly<Record<string, string>> = { bucket: 's3', queue: 'sqs', topic: 'sns', table: 'dynamodb', stream: 'kinesis' };

// An ARN of the source's service whose resource part is all wildcard (arn:aws:s3:::* and the like) covers every resource of it.
function wildcardArnCovers(arn: string, kind: Resource['kind']): boolean {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== SERVICE_OF_KIND[kind]) return false;
  const resource = parts.slice(5).join(':');
  return /^(\*|\*\/\*|table\/\*|stream\/\*)(\/.*)?$/.test(resource);
}
