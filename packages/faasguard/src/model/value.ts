/**
 * Values of the model after intrinsic functions are evaluated.
 *
 * A template says much that cannot be known before deployment: an imported value, the account id,
 * a parameter without a default. Such a value is an `Unknown`, never a guess. A reference to a
 * resource of the template stays a `ResourceRef` (its physical name is not known, but *which*
 * resource it is, is what the rules need). A string built from literals and references (Fn::Sub,
 * Fn::Join) is a `Composite` whose parts keep both.
 */
import { setOwn } from '../util/own-keys.js';

export type Value = Scalar | Value[] | ValueMap | Unknown | ResourceRef | Composite;
export type Scalar = string | number | boolean | null;
export interface ValueMap {
  [key: string]: Value;
}

/**
 * How the Terraform loader words the reason of an expression it cannot evaluate offline
 * (`var.source_arn is not known offline`): the expression, then this. Facts that recognize a
 * Terraform expression in an unknown (a data source that reads a secret) read it back with it.
 */
export const NOT_KNOWN_OFFLINE = ' is not known offline';

export class Unknown {
  readonly kind = 'unknown' as const;
  constructor(
    /** Why the value cannot be known, e.g. "Fn::ImportValue of 'shared-vpc'". */
    readonly reason: string,
    /** A short placeholder for messages, when the value has a readable name: `<region>`, `<TableName>` */
    readonly label?: string,
  ) {}
  toString(): string {
    return `<unknown: ${this.reason}>`;
  }
}

/**
 * `Fn::ImportValue` of a name known at scan time: unknown in its own template, but another stack of
 * the scan may export that name (see `Stack.exports`), which links the two.
 */
export class ImportedValue extends Unknown {
  constructor(readonly exportName: string) {
    super(`Fn::ImportValue of ${exportName}`);
  }
}

/**
 * The value of a Systems Manager parameter, named at scan time (a template parameter of type
 * `AWS::SSM::Parameter::Value<…>`): unknown until deployment, but an `AWS::SSM::Parameter` of the
 * scan with that literal name (see `analysis/linked-resources.ts`) tells what it holds.
 */
export class SsmParameterValue extends Unknown {
  constructor(readonly parameterName: string) {
    super(`value of SSM parameter ${parameterName}`);
  }
}

/**
 * The value of a template parameter that has no Default (or, `NoEcho`, an empty one) and was not
 * given on the command line: unknown, but which parameter it is tells whether it is a secret.
 */
export class ParameterValue extends Unknown {
  constructor(
    readonly parameterName: string,
    reason = `parameter ${parameterName} has no Default and no value was given (--param ${parameterName}=…)`,
  ) {
    super(reason, `<${parameterName}>`);
  }
}

export class ResourceRef {
  readonly kind = 'ref' as const;
  constructor(
    /** The model id of the resource (`<stack>/<LogicalId>`) */
    readonly target: string,
    /** The logical id as written in the template */
    readonly logicalId: string,
    /** For Fn::GetAtt, the attribute (`Arn`, `QueueName` …); absent for Ref */
    readonly attribute?: string,
  ) {}
  toString(): string {
    return this.attribute ? `\${${this.logicalId}.${this.attribute}}` : `\${${this.logicalId}}`;
  }
}

export class Composite {
  readonly kind = 'composite' as const;
  constructor(readonly parts: ReadonlyArray<string | ResourceRef | Unknown>) {}
  toString(): string {
    return this.parts.map((p) => (typeof p === 'string' ? p : p.toString())).join('');
  }
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isRef(v: unknown): v is ResourceRef {
  return v instanceof ResourceRef;
}

export function isComposite(v: unknown): v is Composite {
  return v instanceof Composite;
}

export function isValueMap(v: Value | undefined): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof ResourceRef) && !(v instanceof Composite);
}

/** The value at a path of nested maps (`valueAt(p['ClientAuthentication'], 'Unauthenticated', 'Enabled')`); undefined where one is missing. */
export function valueAt(v: Value | undefined, ...path: string[]): Value | undefined {
  let cur = v;
  for (const key of path) cur = isValueMap(cur) ? cur[key] : undefined;
  return cur;
}

/** A string when the value is one, else undefined (refs, unknowns and composites are not strings yet). */
export function asString(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asNumber(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function asBoolean(v: Value | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

export function asArray(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * Text for messages: literals as they are, references as `${Logical.Attr}`, unknowns by their
 * placeholder (`<stack>-orders`) when they have one, else marked with their reason.
 */
export function display(v: Value | undefined): string {
  if (v === undefined) return '(not set)';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v.label ?? v.toString();
  if (v instanceof Composite) return v.parts.map((p) => (typeof p === 'string' ? p : display(p))).join('');
  if (v instanceof ResourceRef) return v.toString();
  return JSON.stringify(toPlain(v));
}

/** A JSON-safe copy (refs and composites become their display strings). */
export function toPlain(v: Value): unknown {
  if (v instanceof Unknown || v instanceof ResourceRef || v instanceof Composite) return v.toString();
  if (Array.isArray(v)) return v.map(toPlain);
  if (isValueMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, toPlain(x));
    return out;
  }
  return v;
}

/** The resource a value points at, if it is a reference (or a string made of one reference). */
export function referencedResource(v: Value | undefined): ResourceRef | undefined {
  if (v instanceof ResourceRef) return v;
  if (v instanceof Composite) return v.parts.find((p): p is ResourceRef => p instanceof ResourceRef);
  return undefined;
}

/** Every resource reference a value holds, at any depth (lists, maps, strings built with `Fn::Sub` or `Fn::Join`). */
export function referencesWithin(v: Value | undefined): ResourceRef[] {
  if (v instanceof ResourceRef) return [v];
  if (v instanceof Composite) return v.parts.filter((p): p is ResourceRef => p instanceof ResourceRef);
  if (Array.isArray(v)) return v.flatMap(referencesWithin);
  if (isValueMap(v)) return Object.values(v).flatMap(referencesWithin);
  return [];
}

/**
 * Whether two values are written the same way, so that they hold the same at deployment: the same
 * text, the same template parameter, or the same reference (resource and attribute).
 */
export function sameWrittenValue(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a === 'string') return a === b;
  if (a instanceof ParameterValue) return b instanceof ParameterValue && a.parameterName === b.parameterName;
  const ref = referencedResource(a);
  const other = referencedResource(b);
  return ref !== undefined && other !== undefined && ref.target === other.target && ref.attribute === other.attribute;
}
