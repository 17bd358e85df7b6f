/**
 * What a function's role lets it write into: the event sources it could feed. Used for chains
 * (a public function feeding another) and recursive loops (a function feeding itself).
 */
import type { LambdaFunction, PolicyStatement, Resource, Trigger, TriggerKind } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import type { ModelIndex } from '../model/model-index.js';
import { anyActionMatches } from '../iam/action-matches.js';
import { linkedSources } from './linked-resources.js';
import { WRITE_ACTIONS } from './source-writers.js';

export interface WriteGrant {
  /** Whether this grant lets the function emit the trigger's events */
  covers(t: Trigger): boolean;
  loc: SourceLocation;
  /** The kinds of source it can write to, each with what it reaches */
  targets: Map<Resource['kind'], KindTargets>;
}

/** Sources of one kind a grant reaches. */
export interface KindTargets {
  /** `*` or a wildcard ARN: every source of the kind in the function's own app */
  all: boolean;
  /** Sources it names (model ids), in any app */
  ids: Set<string>;
}

const SOURCE_KIND_OF_TRIGGER: Readonly<Partial<Record<TriggerKind, Resource['kind']>>> = {
  s3: 'bucket',
  sqs: 'queue',
  sns: 'topic',
  'dynamodb-stream': 'table',
  'kinesis-stream': 'stream',
  'step-functions': 'state-machine',
  // S3 events through EventBridge have their bucket as source (loaders/cloudformation/s3-event-origins.ts);
  // other EventBridge triggers have their rule, which no function writes into.
  eventbridge: 'bucket',
};

export function functionWrites(fn: LambdaFunction, index: ModelIndex): WriteGrant[] {
  const role = index.roleOf(fn);
  if (!role) return [];
  const app = index.appOf(fn);
  const grants: WriteGrant[] = [];
  for (const policy of role.policies) {
    for (const s of policy.document?.statements ?? []) {
      if (s.effect !== 'Allow') continue;
      const targets = statementTargets(s, index);
      grants.push({ covers: (t) => statementCovers(targets, t, app, index), loc: s.loc, targets });
    }
  }
  return grants;
}

/** The source kind a trigger's events come from, when a function's role could write them (S3, SQS, SNS, DynamoDB, Kinesis). */
export function sourceKindOf(t: Trigger): Resource['kind'] | undefined {
  return SOURCE_KIND_OF_TRIGGER[t.kind];
}

/**
 * Targets of each statement, per model: a role shared by many functions has its statements asked
 * about for each of them, by each of the three analyses that follow writes.
 */
const TARGETS = new WeakMap<ModelIndex, WeakMap<PolicyStatement, WriteGrant['targets']>>();

function statementTargets(s: PolicyStatement, index: ModelIndex): WriteGrant['targets'] {
  let byStatement = TARGETS.get(index);
  if (!byStatement) TARGETS.set(index, (byStatement = new WeakMap()));
  let targets = byStatement.get(s);
  if (!targets) byStatement.set(s, (targets = targetsOf(s, index)));
  return targets;
}

/** The sources a statement lets write, by kind: `all` of the function's app, or the ones it names. */
function targetsOf(s: PolicyStatement, index: ModelIndex): WriteGrant['targets'] {
  const targets: WriteGrant['targets'] = new Map();
  for (const kind of new Set(Object.values(SOURCE_KIND_OF_TRIGGER))) {
    if (!anyActionMatches(s.actions, WRITE_ACTIONS[kind] ?? [])) continue;
    const ids = new Set<string>();
    let all = false;
    for (const r of s.resources) {
      const linked = linkedSources(r, kind, index);
      if (linked.all) all = true;
      else for (const id of linked.ids) ids.add(id);
    }
    if (all || ids.size > 0) targets.set(kind, { all, ids });
  }
  return targets;
}

/** `all` covers the sources of the writer's own app only: a wildcard does not link two projects (see `Stack.app`). */
function statementCovers(targets: WriteGrant['targets'], t: Trigger, app: string, index: ModelIndex): boolean {
  const kind = SOURCE_KIND_OF_TRIGGER[t.kind];
  const source = index.resource(t.sourceId);
  if (!kind || !source || source.kind !== kind) return false;
  const reached = targets.get(kind);
  if (!reached) return false;
  return reached.ids.has(source.id) || (reached.all && index.appOf(source) === app);
}
