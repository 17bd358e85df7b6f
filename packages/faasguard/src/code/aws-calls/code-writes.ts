/**
 * Whether a function's code writes into a given template resource (puts an object, sends a
 * message, publishes, writes an item, puts a record): what turns a role that may write into its own
 * trigger into a loop. A write whose target the code does not name (a bucket taken from the event,
 * an environment variable the template does not bind) may be that resource.
 */
import { codeFactsFor } from '../code-facts.js';
import type { CodeScope } from '../code-scope.js';
import type { AppModel, LambdaFunction, Resource } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { Composite, ResourceRef, type Value } from '../../model/value.js';
import { WRITE_ACTIONS } from '../../analysis/source-writers.js';
import { actionsForCall } from './action-exceptions.js';
import type { SdkCall } from './aws-call.js';
import { targetValue } from './least-privilege.js';

export type CodeWriteVerdict =
  | { kind: 'writes'; loc: SourceLocation; what: string; named: boolean }
  | { kind: 'no-write' }
  | { kind: 'not-analyzed'; reason: string }
  /** The code is not in the scanned directory: nothing to judge, and the scan says so in a diagnostic. */
  | { kind: 'absent' };

/** Properties that give a source its physical name, when the template sets one. */
const NAME_PROPERTY: Readonly<Record<string, string>> = { bucket: 'BucketName', queue: 'QueueName', topic: 'TopicName', table: 'TableName', stream: 'Name' };

export function codeWriteInto(model: AppModel, scope: CodeScope | undefined, fn: LambdaFunction, source: Resource): CodeWriteVerdict {
  if (scope === undefined) return { kind: 'not-analyzed', reason: 'the scan has no code root' };
  const f = codeFactsFor(model, scope).byFunction.get(fn.id);
  if (!f) return { kind: 'not-analyzed', reason: 'its code was not looked at' };
  if (!f.resolution.ok && f.resolution.codeAbsent) return { kind: 'absent' };
  if (!f.analysis) return { kind: 'not-analyzed', reason: f.resolution.ok ? 'its handler could not be analyzed' : f.resolution.reason };
  const facts = codeFactsFor(model, scope).files;
  const actions = WRITE_ACTIONS[source.kind] ?? [];
  let unnamed: CodeWriteVerdict | undefined;
  for (const file of f.files) {
    for (const call of facts.get(file)?.calls?.calls ?? []) {
      if (!(actionsForCall(call) ?? []).some((a) => actions.includes(a))) continue;
      const target = targetOf(call, fn, source);
      const what = `${call.service} ${call.operation}`;
      if (target === 'source') return { kind: 'writes', loc: call.loc, what, named: true };
      if (target === 'unknown') unnamed ??= { kind: 'writes', loc: call.loc, what, named: false };
    }
  }
  return unnamed ?? { kind: 'no-write' };
}

/** Whether a call's target is the source, another resource, or unknown to the template. */
function targetOf(call: SdkCall, fn: LambdaFunction, source: Resource): 'source' | 'other' | 'unknown' {
  const value = targetValue(call.target, fn);
  if (value === undefined) return 'unknown';
  if (value instanceof ResourceRef) return value.target === source.id ? 'source' : 'other';
  if (value instanceof Composite) {
    const refs = value.parts.filter((p): p is ResourceRef => p instanceof ResourceRef);
    if (refs.some((r) => r.target === source.id)) return 'source';
    return refs.length > 0 ? 'other' : 'unknown';
  }
  if (typeof value !== 'string') return 'unknown';
  return namesSource(value, source) ? 'source' : 'other';
}

/** A literal target names the source only when the template gives the source that physical name. */
function namesSource(text: string, source: Resource): boolean {
  const name: Value | undefined = source.properties[NAME_PROPERTY[source.kind] ?? ''];
  return typeof name === 'string' && name !== '' && (text === name || text.endsWith(`/${name}`) || text.endsWith(`:${name}`));
}
