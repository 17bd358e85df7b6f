/**
 * How taint moves between abstract values: joining, property access, adding a step, and
 * substituting a summarized function's parameters by the caller's arguments. Every structure is
 * bounded (taints per value, steps per taint, path length, object depth) so no input can make the
 * analysis grow without limit.
 */
import type { SourceLocation } from '../../model/location.js';
import { CLEAN, type Origin, type PathSegment, type SinkFamily, type Step, type Taint, type Value } from './types.js';

export const MAX_TAINTS = 12;
export const MAX_STEPS = 24;
export const MAX_PATH = 10;
export const MAX_DEPTH = 4;
/** Sink hits kept per handler: past it, one more proves nothing new */
export const MAX_HITS = 400;
const MAX_PROPS = 64;

export function tainted(taints: Taint[]): Value {
  return taints.length === 0 ? CLEAN : { taints: capTaints(taints) };
}

function capTaints(taints: Taint[]): Taint[] {
  const seen = new Set<string>();
  const out: Taint[] = [];
  for (const t of taints) {
    const k = taintKey(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
    if (out.length >= MAX_TAINTS) break;
  }
  return out;
}

/** Identity of a taint for de-duplication: its origin, not the way it came. */
export function taintKey(t: Taint): string {
  const o = t.origin;
  const path = 'path' in o ? o.path.map((s) => s.name).join('.') : '';
  const index = o.kind === 'param' ? o.index : '';
  const at = 'loc' in o ? `${o.loc.file}:${o.loc.line}` : '';
  return `${o.kind}|${index}|${path}|${at}|${[...t.sanitized].sort().join(',')}|${t.shape ?? ''}${t.throughService ? '|service' : ''}`;
}

/** Everything a value may contain, its properties' taints included. */
export function deepTaints(v: Value | undefined, depth = 0): Taint[] {
  if (!v) return [];
  if (!v.props || depth >= MAX_DEPTH) return v.taints;
  const out = [...v.taints];
  for (const p of v.props.values()) {
    if (out.length >= MAX_TAINTS * 2) break;
    out.push(...deepTaints(p, depth + 1));
  }
  return capTaints(out);
}

export function join(a: Value, b: Value): Value {
  if (a === b || b.taints.length === 0 && !b.props && !b.fn && !b.api) return a;
  if (a.taints.length === 0 && !a.props && !a.fn && !a.api) return b;
  const props = a.props || b.props ? mergeProps(a.props, b.props) : undefined;
  return {
    taints: capTaints([...a.taints, ...b.taints]),
    ...(props ? { props } : {}),
    ...(a.fn ?? b.fn ? { fn: a.fn ?? b.fn } : {}),
    ...(a.api ?? b.api ? { api: a.api ?? b.api } : {}),
    ...(a.loc ?? b.loc ? { loc: a.loc ?? b.loc } : {}),
  };
}

function mergeProps(a?: Map<string, Value>, b?: Map<string, Value>): Map<string, Value> {
  const out = new Map(a ?? []);
  for (const [k, v] of b ?? []) {
    if (out.size >= MAX_PROPS && !out.has(k)) break;
    const old = out.get(k);
    out.set(k, old ? join(old, v) : v);
  }
  return out;
}

/**
 * One of two values, as `a || b`, `a ?? b` and `c ? a : b` give: joined, and a caught error's
 * property in either is no longer known to be the whole value (see the `error` origin's `field`).
 */
export function either(a: Value, b: Value): Value {
  return join(notExactlyErrorField(a), notExactlyErrorField(b));
}

function notExactlyErrorField(v: Value): Value {
  if (!v.taints.some((t) => t.origin.kind === 'error' && typeof t.origin.field === 'string')) return v;
  return { ...v, taints: v.taints.map((t) => (t.origin.kind === 'error' && typeof t.origin.field === 'string' ? { ...t, origin: { ...t.origin, field: null } } : t)) };
}

export function joinAll(values: Value[]): Value {
  return values.reduce((acc, v) => join(acc, v), CLEAN);
}

/** All taints of several values in one flat value (operators, unknown calls, string building). */
export function mixed(values: Array<Value | undefined>): Value {
  const taints: Taint[] = [];
  for (const v of values) taints.push(...deepTaints(v));
  return tainted(taints);
}

/** `value.name`: a known property, or the taints with the access appended to their path. */
export function getProp(v: Value, name: string, loc?: SourceLocation): Value {
  const known = v.props?.get(name);
  if (known) return known;
  if (name === 'length') return CLEAN;
  const taints = v.taints.map((t) => accessed(t, { name, at: t.steps.length, ...(loc ? { loc } : {}) })).filter((t): t is Taint => t !== undefined);
  const api = v.api ? { api: { module: v.api.module, members: [...v.api.members, name].slice(-6) } } : {};
  return taints.length === 0 && !v.api ? CLEAN : { taints, ...api };
}

/**
 * The keys of an object (`Object.keys(o)`, `d.keys()`): the sender's names for its fields, so its
 * data for an injection, but none of its values. Their path ends in `keys()`; the known properties
 * of an object literal are the code's own names, and add nothing.
 */
export function keysOf(v: Value, loc?: SourceLocation): Value {
  const taints = v.taints.map((t) => accessed(t, { name: 'keys()', at: t.steps.length, ...(loc ? { loc } : {}) })).filter((t): t is Taint => t !== undefined);
  return taints.length === 0 ? CLEAN : { taints };
}

function accessed(t: Taint, seg: PathSegment): Taint | undefined {
  const o = t.origin;
  // A secret somewhere in a whole is not known to be in the field read.
  if (o.kind === 'secret' && o.inWhole) return undefined;
  if (o.kind === 'param' || o.kind === 'event' || o.kind === 'jwt-unverified' || o.kind === 'secret') {
    const path = o.path.length >= MAX_PATH ? o.path : [...o.path, seg];
    return { ...t, origin: { ...o, path } };
  }
  if (o.kind === 'jwt-split') return seg.name === '1' || seg.name === '*' ? { ...t, origin: { kind: 'jwt-part' } } : undefined;
  if (o.kind === 'jwt-part') return undefined;
  if (o.kind === 'error' && o.field === undefined) return { ...t, origin: { ...o, field: seg.name } };
  return t;
}

/** The value's data, flattened, as text built into a string or as parsed JSON. */
export function shaped(v: Value, shape: NonNullable<Taint['shape']>): Value {
  const taints = deepTaints(v);
  return taints.length === 0 ? v : { ...v, taints: taints.map((t) => ({ ...t, shape })) };
}

/** Adds a step to every taint of the value (an assignment, a call, a return). */
export function withStep(v: Value, step: Step): Value {
  if (v.taints.length === 0 && !v.props) return v;
  const taints = v.taints.map((t) => addStep(t, step));
  const props = v.props ? new Map([...v.props].map(([k, p]) => [k, withStepShallow(p, step)])) : undefined;
  return { ...v, taints, ...(props ? { props } : {}) };
}

function withStepShallow(v: Value, step: Step): Value {
  return v.taints.length === 0 ? v : { ...v, taints: v.taints.map((t) => addStep(t, step)) };
}

export function addStep(t: Taint, step: Step): Taint {
  const last = t.steps[t.steps.length - 1];
  if (last && sameLine(last, step)) return t;
  return { ...t, steps: capSteps([...t.steps, step]) };
}

function sameLine(a: Step, b: Step): boolean {
  return a.loc.file === b.loc.file && a.loc.line === b.loc.line;
}

/** Keeps the first and last steps of a long flow: where it starts and how it reaches the sink. */
function capSteps(steps: Step[]): Step[] {
  return steps.length > MAX_STEPS ? [...steps.slice(0, MAX_STEPS / 2), ...steps.slice(-MAX_STEPS / 2)] : steps;
}

/** Concatenates step lists in one pass, dropping a step on the same line as the one before. */
function concatSteps(...lists: Step[][]): Step[] {
  const out: Step[] = [];
  for (const list of lists) {
    for (const s of list) {
      const last = out[out.length - 1];
      if (!last || !sameLine(last, s)) out.push(s);
    }
  }
  return capSteps(out);
}

/** Marks the value's data as safe for the families (all of them when none are given). */
/** What an AWS SDK call answers when `v` went into it (see `Taint.throughService`); `v` has no properties. */
export function throughService(v: Value): Value {
  return v.taints.length === 0 ? v : { ...v, taints: v.taints.map((t) => ({ ...t, throughService: true as const })) };
}

export function sanitize(v: Value, families: readonly SinkFamily[] | 'all'): Value {
  if (families === 'all') return CLEAN;
  const taints = deepTaints(v).map((t) => ({ ...t, sanitized: new Set([...t.sanitized, ...families]) }));
  return tainted(taints);
}

/** Replaces parameter origins by the caller's arguments; other origins are kept as they are. */
export function substitute(v: Value, args: readonly Value[], callStep: Step | undefined, depth = 0): Value {
  const taints: Taint[] = [];
  for (const t of v.taints) taints.push(...substituteTaint(t, args, callStep));
  const props = v.props && depth < MAX_DEPTH ? new Map([...v.props].map(([k, p]) => [k, substitute(p, args, callStep, depth + 1)])) : undefined;
  return { ...v, taints: capTaints(taints), ...(props ? { props } : {}) };
}

export function substituteTaint(t: Taint, args: readonly Value[], callStep: Step | undefined): Taint[] {
  if (t.origin.kind !== 'param') return [t];
  const first = args[t.origin.index];
  if (!first) return [];
  let arg: Value = first;
  const rest: PathSegment[] = [];
  for (const seg of t.origin.path) {
    const known: Value | undefined = arg.props?.get(seg.name);
    if (rest.length === 0 && known) arg = known;
    else rest.push(seg);
  }
  return deepTaints(arg).map((a) => compose(a, rest, t, callStep));
}

function compose(actual: Taint, rest: PathSegment[], inner: Taint, callStep: Step | undefined): Taint {
  let origin: Origin = actual.origin;
  if ((origin.kind === 'param' || origin.kind === 'event' || origin.kind === 'secret') && rest.length > 0 && origin.path.length < MAX_PATH) {
    // Accesses inside the callee happened after the caller's steps and the call itself.
    const offset = actual.steps.length + (callStep ? 1 : 0);
    const shifted = rest.map((s) => ({ ...s, at: (s.at ?? 0) + offset }));
    origin = { ...origin, path: [...origin.path, ...shifted].slice(0, MAX_PATH) };
  }
  if (origin.kind === 'jwt-split' && rest.some((s) => s.name === '1')) origin = { kind: 'jwt-part' };
  const sanitized = inner.sanitized.size === 0 ? actual.sanitized : new Set([...actual.sanitized, ...inner.sanitized]);
  // What the callee made of the data (parsed it, built text from it) comes after what the caller did.
  const shape = inner.shape ?? actual.shape;
  return { origin, steps: concatSteps(actual.steps, callStep ? [callStep] : [], inner.steps), sanitized, ...(shape ? { shape } : {}) };
}

/** `v` with the value at `path` (`a.b.c`) replaced by `leaf`, the rest kept. */
export function setPath(v: Value, path: readonly string[], leaf: Value): Value {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  const props = new Map(v.props ?? []);
  props.set(head, setPath(getProp(v, head), rest, leaf));
  return { ...v, props };
}
