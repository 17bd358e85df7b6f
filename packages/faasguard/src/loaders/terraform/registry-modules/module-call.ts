/**
 * What a summary of a registry module reads and makes: the call (its inputs, evaluated, and where
 * it is written) and the resources its inputs create, as the attribute maps of the Terraform
 * resources the module declares, so that the same translation tables turn them into the model.
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TMapEntry, TNode } from '../../../parse/tree.js';
import type { Translatable } from '../load-terraform.js';
import { entry, isUnknown, scalar } from '../tree-values.js';

export interface ModuleCall {
  /** `module.api.` (a nested call's full path) */
  prefix: string;
  inputs: ReadonlyMap<string, TNode>;
  /** The `module` block */
  loc: SourceLocation;
  endLine: number;
  /** The `version` constraint, when written (`~> 7.0`) */
  version?: string;
}

/**
 * A resource of the module, at its address in the module (`aws_lambda_function.this[0]`), located
 * at the call or at the input that asks for it (`create_lambda_function_url`, an `allowed_triggers` key).
 */
export function made(call: ModuleCall, type: string, address: string, body: Record<string, TNode | undefined>, at?: SourceLocation): Translatable {
  const loc = at ?? call.loc;
  return { type, logicalId: `${call.prefix}${address}`, loc, endLine: at ? loc.line : call.endLine, body: object(loc, body) };
}

/** An object of the attributes that are set. */
export function object(loc: SourceLocation, fields: Record<string, TNode | undefined>): TNode {
  const entries: TMapEntry[] = Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : [entry(k, v, v.loc)]));
  return { kind: 'map', entries, loc };
}

export function list(loc: SourceLocation, items: Array<TNode | undefined>): TNode {
  return { kind: 'seq', items: items.filter((i): i is TNode => i !== undefined), loc };
}

export function ref(call: ModuleCall, address: string): TNode {
  return { kind: 'map', entries: [entry('Ref', scalar(`${call.prefix}${address}`, call.loc), call.loc)], loc: call.loc };
}

export function getAtt(call: ModuleCall, address: string, attribute: string): TNode {
  const loc = call.loc;
  return { kind: 'map', entries: [entry('Fn::GetAtt', { kind: 'seq', items: [scalar(`${call.prefix}${address}`, loc), scalar(attribute, loc)], loc }, loc)], loc };
}

/** Text built of parts, some of them references (`Fn::Join` with no separator). */
export function joined(loc: SourceLocation, parts: TNode[]): TNode {
  return { kind: 'map', entries: [entry('Fn::Join', { kind: 'seq', items: [scalar('', loc), { kind: 'seq', items: parts, loc }], loc }, loc)], loc };
}

/** An input that is set (not `null`); a module's default applies otherwise. */
export function input(call: ModuleCall, name: string): TNode | undefined {
  const v = call.inputs.get(name);
  return v && !(v.kind === 'scalar' && v.value === null) ? v : undefined;
}

/** A boolean input: its value when known, the module's default when not set, undefined when not known offline. */
export function flag(call: ModuleCall, name: string, fallback: boolean): boolean | undefined {
  const v = input(call, name);
  if (v === undefined) return fallback;
  if (v.kind === 'scalar' && (typeof v.value === 'boolean' || v.value === 'true' || v.value === 'false')) return v.value === true || v.value === 'true';
  return undefined;
}

/** An input or, when not set, the module's default (located at the call, or where `at` says). */
export function orDefault(call: ModuleCall, name: string, fallback: string | number | boolean, at?: SourceLocation): TNode {
  return input(call, name) ?? scalar(fallback, at ?? call.loc);
}

/** The entries of a map input (`allowed_triggers`, `event_source_mapping`), none when unknown. */
export function entriesOf(call: ModuleCall, name: string): TMapEntry[] {
  const v = input(call, name);
  return v?.kind === 'map' && !isUnknown(v) ? v.entries : [];
}

/** A field of an object value. */
export function field(v: TNode | undefined, name: string): TNode | undefined {
  if (v?.kind !== 'map' || isUnknown(v)) return undefined;
  const f = v.entries.find((e) => e.key === name)?.value;
  return f && !(f.kind === 'scalar' && f.value === null) ? f : undefined;
}

/**
 * The newest version a constraint lets Terraform install, as [major, minor] (`~> 3.0` → [3, ∞],
 * `~> 3.7.0` and `= 3.7.1` → [3, 7]); undefined when not written (the newest release) or not read.
 */
export function newestAllowed(version: string | undefined): [number, number] | undefined {
  const m = version ? /^\s*(~>|=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(version) : null;
  if (!m) return undefined;
  const [, op, major, minor, patch] = m;
  if (op === '~>' && patch === undefined) return [Number(major), Infinity];
  return [Number(major), minor === undefined ? Infinity : Number(minor)];
}

/** The major version a constraint starts from (`~> 7.0`, `>= 4.2, < 6` → 7, 4); undefined when not written or not read. */
export function majorOf(version: string | undefined): number | undefined {
  const m = version ? /(\d+)(?:\.\d+)*/.exec(version) : null;
  return m ? Number(m[1]) : undefined;
}

/** A queue's or topic's policy from the module's statements (`{ actions, principals = [{ type, identifiers }], resources, conditions }`). */
export function moduleStatementsPolicy(call: ModuleCall, type: string, address: string, target: Record<string, TNode>, statementsInput: string): Translatable {
  const statements = entriesOf(call, statementsInput).map((e) => {
    const principals = field(e.value, 'principals');
    const first = principals?.kind === 'seq' ? principals.items[0] : undefined;
    const kind = field(first, 'type');
    const ids = field(first, 'identifiers');
    const principal = kind?.kind === 'scalar' && ids ? (kind.value === '*' ? scalar('*', ids.loc) : object(ids.loc, { [String(kind.value)]: ids })) : undefined;
    return object(e.value.loc, {
      Sid: field(e.value, 'sid'), Effect: field(e.value, 'effect') ?? scalar('Allow', e.value.loc), Principal: principal,
      Action: field(e.value, 'actions'), Resource: field(e.value, 'resources') ?? scalar('*', e.value.loc),
    });
  });
  return made(call, type, address, { ...target, policy: object(call.loc, { Version: scalar('2012-10-17', call.loc), Statement: list(call.loc, statements) }) });
}
