/**
 * Terraform's built-in functions that real serverless modules use most, evaluated offline on known
 * arguments. A function not listed here, or one whose arguments are not known, gives `undefined`,
 * and the caller makes the call an explicit unknown. `file` and `templatefile` read only files
 * inside the scanned tree (through the context), never anything else; `regex` and `regexall` are
 * not evaluated, since a pattern written in a scanned file must not be able to hang the scan.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SourceLocation } from '../../model/location.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { entry, fromJson, isUnknown, nil, scalar, textOf, unknownOrigin } from './tree-values.js';

export interface FunctionContext {
  /** A file's text, its path as the configuration writes it (relative to the root module); undefined when missing or outside the scan */
  readFile(file: string): string | undefined;
}

type Fn = (args: TNode[], loc: SourceLocation, ctx: FunctionContext) => TNode | undefined;

/** Items of a list or set; undefined for anything else. */
function itemsOf(n: TNode | undefined): TNode[] | undefined {
  return n?.kind === 'seq' ? n.items : undefined;
}

function numberOf(n: TNode | undefined): number | undefined {
  if (n?.kind !== 'scalar') return undefined;
  const v = typeof n.value === 'string' ? Number(n.value) : n.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function seq(items: TNode[], loc: SourceLocation): TNode {
  return { kind: 'seq', items, loc };
}

/**
 * `join(sep, list)`: the text when every part is known; with a resource's attribute among known
 * parts (`join("/", ["integrations", aws_apigatewayv2_integration.x.id])`), CloudFormation's
 * `Fn::Join` of them, as a string that interpolates it gives, so that what it names is still read.
 */
function join(a: TNode[], loc: SourceLocation): TNode | undefined {
  const sep = textOf(a[0]);
  const items = a.slice(1).flatMap((x) => itemsOf(x) ?? [x]);
  if (sep === undefined) return undefined;
  const texts = items.map(textOf);
  if (texts.every((t) => t !== undefined)) return scalar(texts.join(sep), loc);
  if (!items.every((x) => textOf(x) !== undefined || isReference(x))) return undefined;
  return { kind: 'map', entries: [entry('Fn::Join', seq([scalar(sep, loc), seq(items, loc)], loc), loc)], loc };
}

/** A resource's id or attribute, as the evaluation writes it (`Ref`, `Fn::GetAtt`). */
function isReference(n: TNode): boolean {
  return n.kind === 'map' && n.entries.length === 1 && (n.entries[0]!.key === 'Ref' || n.entries[0]!.key === 'Fn::GetAtt');
}

/** Two known values compare equal (locations aside). */
function sameValue(a: TNode, b: TNode): boolean {
  if (a.kind === 'scalar' && b.kind === 'scalar') return a.value === b.value;
  if (a.kind === 'seq' && b.kind === 'seq') return a.items.length === b.items.length && a.items.every((x, i) => sameValue(x, b.items[i]!));
  if (a.kind === 'map' && b.kind === 'map') return a.entries.length === b.entries.length && a.entries.every((e) => b.entries.some((f) => f.key === e.key && sameValue(e.value, f.value)));
  return false;
}

function distinct(items: TNode[]): TNode[] {
  return items.filter((x, i) => items.findIndex((y) => sameValue(x, y)) === i);
}

function mergeEntries(maps: TNode[]): TMapEntry[] {
  const out: TMapEntry[] = [];
  for (const m of maps) {
    if (m.kind !== 'map') continue;
    for (const e of m.entries) {
      const i = out.findIndex((x) => x.key === e.key);
      if (i >= 0) out[i] = e;
      else out.push(e);
    }
  }
  return out;
}

function flatten(items: TNode[]): TNode[] {
  return items.flatMap((i) => (i.kind === 'seq' ? flatten(i.items) : [i]));
}

/** `format`: the verbs real code uses (`%s`, `%d`, `%v`, `%%`); any other makes the result unknown. */
function format(args: TNode[], loc: SourceLocation): TNode | undefined {
  const [fmt, ...rest] = args.map(textOf);
  if (fmt === undefined || rest.some((r) => r === undefined)) return undefined;
  let i = 0;
  let unsupported = false;
  const out = fmt.replace(/%(.)/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    if (verb === 's' || verb === 'd' || verb === 'v') return rest[i++] ?? '';
    unsupported = true;
    return '';
  });
  return unsupported ? undefined : scalar(out, loc);
}

/** `replace`: a plain substring; a `/regex/` pattern is not evaluated. */
function replace(args: TNode[], loc: SourceLocation): TNode | undefined {
  const [s, search, by] = args.map(textOf);
  if (s === undefined || search === undefined || by === undefined) return undefined;
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) return undefined;
  return scalar(search === '' ? s : s.split(search).join(by), loc);
}

/**
 * `templatefile`: the file's text with `${name}` replaced by the variables given. A template with
 * directives (`%{ for … }`) or other expressions is not evaluated. A JSON result (a policy) is its
 * document, as a heredoc is. A variable that is a resource's attribute stays a reference in the
 * string that holds it, and one not known offline stays its own expression (`${local.account_id}`),
 * as in a string that interpolates them: the policy's other statements are still read.
 */
function templatefile(args: TNode[], loc: SourceLocation, ctx: FunctionContext): TNode | undefined {
  const file = textOf(args[0]);
  const vars = args[1];
  const text = file === undefined ? undefined : ctx.readFile(file);
  if (text === undefined || text.includes('%{') || text.includes(MARK) || vars?.kind !== 'map') return undefined;
  const held: TNode[] = [];
  let unresolved = false;
  const out = text.replace(/\$\{\s*([^}]*?)\s*\}/g, (_m, name: string) => {
    const v = vars.entries.find((e) => e.key === name)?.value;
    const known = textOf(v);
    if (known !== undefined) return known;
    const kept = v === undefined ? undefined : keptInText(v);
    if (kept === undefined) unresolved = true;
    else held.push(kept);
    return `${MARK}${held.length - 1}${MARK}`;
  });
  if (unresolved) return undefined;
  return withHeldValues(jsonOrText(out, loc), held);
}

/** Marks where a variable's value goes in a template's text (a character of Unicode's private use area, which JSON strings may hold). */
const MARK = '\uE000';

/** A reference as it is; an unknown as its expression's text; undefined for anything else. */
function keptInText(v: TNode): TNode | undefined {
  if (isReference(v)) return v;
  const origin = unknownOrigin(v);
  return origin === undefined ? undefined : scalar(`\${${origin}}`, v.loc);
}

/** The value with each marked string made the join of its text and the values it holds. */
function withHeldValues(v: TNode, held: readonly TNode[]): TNode {
  if (held.length === 0) return v;
  if (v.kind === 'seq') return { ...v, items: v.items.map((i) => withHeldValues(i, held)) };
  if (v.kind === 'map') return { ...v, entries: v.entries.map((e) => ({ ...e, value: withHeldValues(e.value, held) })) };
  if (typeof v.value !== 'string' || !v.value.includes(MARK)) return v;
  const parts = v.value.split(MARK).map((p, i) => (i % 2 === 1 ? held[Number(p)]! : scalar(p, v.loc))).filter((p) => p.kind !== 'scalar' || p.value !== '');
  if (parts.length === 1) return parts[0]!;
  return { kind: 'map', entries: [entry('Fn::Join', seq([scalar('', v.loc), seq(parts, v.loc)], v.loc), v.loc)], loc: v.loc };
}

export function jsonOrText(text: string, loc: SourceLocation): TNode {
  try {
    return fromJson(JSON.parse(text), loc);
  } catch {
    return scalar(text, loc);
  }
}

/** `cidrsubnet("10.0.0.0/16", 8, 2)` → `10.0.2.0/24`, for IPv4. */
function cidrsubnet(args: TNode[], loc: SourceLocation): TNode | undefined {
  const prefix = textOf(args[0]);
  const bits = numberOf(args[1]);
  const num = numberOf(args[2]);
  const m = prefix ? /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix) : null;
  if (!m || bits === undefined || num === undefined) return undefined;
  const length = Number(m[5]) + bits;
  if (length > 32 || num < 0 || num >= 2 ** bits) return undefined;
  const ip = m.slice(1, 5).reduce((acc, o) => acc * 256 + Number(o), 0);
  const network = ip - (ip % 2 ** (32 - Number(m[5])));
  const net = network + num * 2 ** (32 - length);
  const octets = [24, 16, 8, 0].map((s) => Math.floor(net / 2 ** s) % 256);
  return scalar(`${octets.join('.')}/${length}`, loc);
}

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  // A policy written with jsonencode is its document: the loader reads the structure.
  jsonencode: (a) => a[0],
  jsondecode: (a, loc) => {
    const text = textOf(a[0]);
    if (text === undefined) return undefined;
    try {
      return fromJson(JSON.parse(text), loc);
    } catch {
      return undefined;
    }
  },
  tolist: (a) => a[0],
  tomap: (a) => a[0],
  tostring: (a) => a[0],
  toset: (a, loc) => (itemsOf(a[0]) ? seq(distinct(itemsOf(a[0])!), loc) : a[0]),
  tonumber: (a, loc) => (numberOf(a[0]) !== undefined ? scalar(numberOf(a[0])!, loc) : undefined),
  tobool: (a, loc) => (textOf(a[0]) === 'true' ? scalar(true, loc) : textOf(a[0]) === 'false' ? scalar(false, loc) : undefined),
  merge: (a, loc) => ({ kind: 'map', entries: mergeEntries(a), loc }),
  concat: (a, loc) => (a.every((x) => x.kind === 'seq') ? seq(a.flatMap((x) => itemsOf(x)!), loc) : undefined),
  flatten: (a, loc) => (itemsOf(a[0]) ? seq(flatten(itemsOf(a[0])!), loc) : undefined),
  distinct: (a, loc) => (itemsOf(a[0]) ? seq(distinct(itemsOf(a[0])!), loc) : undefined),
  compact: (a, loc) => (itemsOf(a[0]) ? seq(itemsOf(a[0])!.filter((x) => textOf(x) !== undefined && textOf(x) !== ''), loc) : undefined),
  lower: (a, loc) => (textOf(a[0]) !== undefined ? scalar(textOf(a[0])!.toLowerCase(), loc) : undefined),
  upper: (a, loc) => (textOf(a[0]) !== undefined ? scalar(textOf(a[0])!.toUpperCase(), loc) : undefined),
  trimspace: (a, loc) => (textOf(a[0]) !== undefined ? scalar(textOf(a[0])!.trim(), loc) : undefined),
  join,
  split: (a, loc) => {
    const [sep, s] = a.map(textOf);
    return sep === undefined || s === undefined ? undefined : seq(s.split(sep).map((p) => scalar(p, loc)), loc);
  },
  replace,
  format,
  lookup: (a) => {
    const key = textOf(a[1]);
    const found = key !== undefined && a[0]?.kind === 'map' ? a[0].entries.find((e) => e.key === key)?.value : undefined;
    return found ?? a[2];
  },
  element: (a) => {
    const items = itemsOf(a[0]);
    const i = numberOf(a[1]);
    return items && items.length > 0 && i !== undefined ? items[i % items.length] : undefined;
  },
  length: (a, loc) => {
    const x = a[0];
    if (x?.kind === 'seq') return scalar(x.items.length, loc);
    if (x?.kind === 'map' && !isUnknown(x)) return scalar(x.entries.length, loc);
    return x?.kind === 'scalar' && typeof x.value === 'string' ? scalar(x.value.length, loc) : undefined;
  },
  keys: (a, loc) => (a[0]?.kind === 'map' && !isUnknown(a[0]) ? seq(a[0].entries.map((e) => scalar(e.key, e.keyLoc)), loc) : undefined),
  values: (a, loc) => (a[0]?.kind === 'map' && !isUnknown(a[0]) ? seq(a[0].entries.map((e) => e.value), loc) : undefined),
  zipmap: (a, loc) => {
    const keys = itemsOf(a[0])?.map(textOf);
    const values = itemsOf(a[1]);
    if (!keys || !values || keys.some((k) => k === undefined)) return undefined;
    return { kind: 'map', entries: keys.map((k, i) => entry(k!, values[i] ?? nil(loc), loc)), loc };
  },
  contains: (a, loc) => {
    const items = itemsOf(a[0]);
    return items && a[1] && !isUnknown(a[1]) ? scalar(items.some((x) => sameValue(x, a[1]!)), loc) : undefined;
  },
  startswith: (a, loc) => (textOf(a[0]) !== undefined && textOf(a[1]) !== undefined ? scalar(textOf(a[0])!.startsWith(textOf(a[1])!), loc) : undefined),
  endswith: (a, loc) => (textOf(a[0]) !== undefined && textOf(a[1]) !== undefined ? scalar(textOf(a[0])!.endsWith(textOf(a[1])!), loc) : undefined),
  coalesce: (a) => a.find((x) => !(x.kind === 'scalar' && (x.value === null || x.value === ''))),
  // The first argument that can be evaluated; an unknown one may still fail at plan time, so it is the answer.
  try: (a) => a.find((x) => !(x.kind === 'scalar' && x.value === null)),
  can: (a, loc) => (a[0] && !isUnknown(a[0]) ? scalar(!(a[0].kind === 'scalar' && a[0].value === null), loc) : undefined),
  file: (a, loc, ctx) => {
    const file = textOf(a[0]);
    const text = file === undefined ? undefined : ctx.readFile(file);
    return text === undefined ? undefined : scalar(text, loc);
  },
  templatefile,
  filebase64sha256: (a, loc, ctx) => {
    const file = textOf(a[0]);
    const text = file === undefined ? undefined : ctx.readFile(file);
    return text === undefined ? undefined : scalar(createHash('sha256').update(text).digest('base64'), loc);
  },
  basename: (a, loc) => (textOf(a[0]) !== undefined ? scalar(path.posix.basename(textOf(a[0])!), loc) : undefined),
  dirname: (a, loc) => (textOf(a[0]) !== undefined ? scalar(path.posix.dirname(textOf(a[0])!), loc) : undefined),
  cidrsubnet,
};

/** The value of a call of a built-in function, or undefined when it is not evaluated offline. */
export function builtin(name: string, args: TNode[], loc: SourceLocation, ctx: FunctionContext): TNode | undefined {
  const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  return fn?.(args, loc, ctx);
}
