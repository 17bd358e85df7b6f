/**
 * Values of serverless.yml that cannot be known at scan time (`${ssm:…}`, `${aws:accountId}`, an
 * environment variable not allowed by `--env-vars` …) travel through the generated CloudFormation
 * tree as marker strings, because the tree holds only plain scalars. Once the CloudFormation loader
 * has built the model, every marker is turned into an `Unknown` carrying its reason, and a string
 * that has a marker inside becomes a `Composite`.
 */
import type { AppModel } from '../../model/app-model.js';
import { Composite, ResourceRef, Unknown } from '../../model/value.js';
import type { TMap, TNode } from '../../parse/tree.js';

const MARKER = /\u0000fg-unknown:(\d+)\u0000/g;

/**
 * Fields the model types as text, not as a Value: a marker there reads as the unknown value's
 * placeholder, as in a CloudFormation `RouteKey: !Sub "GET /${Unknown}"`. A loader may have
 * upper-cased the text (a route's method), so markers are matched in any case there.
 */
const TEXT_MARKER = /\u0000fg-unknown:(\d+)\u0000/gi;
const TEXT_FIELDS: Partial<Record<keyof ModelCounts, readonly string[]>> = { routes: ['method', 'path'] };

export class UnknownMarkers {
  private readonly reasons: string[] = [];

  /** A string that stands for an unknown value with this reason. */
  mark(reason: string): string {
    this.reasons.push(reason);
    return `\u0000fg-unknown:${this.reasons.length - 1}\u0000`;
  }

  has(s: string): boolean {
    MARKER.lastIndex = 0;
    return MARKER.test(s);
  }

  /** The reason of the first marker in a string, for messages. */
  reasonIn(s: string): string | undefined {
    const m = /\u0000fg-unknown:(\d+)\u0000/.exec(s);
    return m ? this.reasons[Number(m[1])] : undefined;
  }

  /** Replaces markers in every element loaded since the given counts (in place). */
  replaceIn(model: AppModel, since: ModelCounts): void {
    // No marker made, none to replace: most services resolve every variable, and the walk goes
    // through every object of what they loaded.
    if (this.reasons.length === 0) return;
    const seen = new Set<object>();
    for (const key of Object.keys(since) as Array<keyof ModelCounts>) {
      const list = model[key] as unknown[];
      for (let i = since[key]; i < list.length; i++) this.replaceInText(list[i], TEXT_FIELDS[key] ?? []);
    }
    // Elements refer to each other (an API to its routes): text fields are done before any walk reaches them.
    for (const key of Object.keys(since) as Array<keyof ModelCounts>) {
      const list = model[key] as unknown[];
      for (let i = since[key]; i < list.length; i++) list[i] = this.walk(list[i], seen);
    }
  }

  private replaceInText(element: unknown, fields: readonly string[]): void {
    const record = element as Record<string, unknown>;
    for (const f of fields) {
      const v = record[f];
      if (typeof v === 'string' && /\u0000fg-unknown:/i.test(v)) record[f] = String(new Composite(this.split(v, TEXT_MARKER)));
    }
  }

  private walk(v: unknown, seen: Set<object>): unknown {
    if (typeof v === 'string') return this.replaceString(v);
    if (v instanceof Composite) return this.replaceComposite(v);
    if (v === null || typeof v !== 'object' || v instanceof Unknown || v instanceof ResourceRef) return v;
    if (seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.walk(v[i], seen);
      return v;
    }
    const record = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(record)) if (typeof x !== 'function') record[k] = this.walk(x, seen);
    return v;
  }

  private replaceString(s: string): string | Unknown | Composite {
    if (!s.includes('\u0000fg-unknown:')) return s;
    const parts = this.split(s);
    if (parts.length === 1 && parts[0] instanceof Unknown) return parts[0];
    return new Composite(parts);
  }

  private replaceComposite(c: Composite): Composite {
    if (!c.parts.some((p) => typeof p === 'string' && p.includes('\u0000fg-unknown:'))) return c;
    return new Composite(c.parts.flatMap((p): Array<string | Unknown | ResourceRef> => (typeof p === 'string' ? this.split(p) : [p])));
  }

  private split(s: string, marker = MARKER): Array<string | Unknown> {
    const out: Array<string | Unknown> = [];
    let last = 0;
    for (const m of s.matchAll(marker)) {
      if (m.index > last) out.push(s.slice(last, m.index));
      out.push(new Unknown(this.reasons[Number(m[1])] ?? 'unresolved serverless.yml variable'));
      last = m.index + m[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return out;
  }
}

/** What a marker starts with, in any case (see `TEXT_MARKER`). */
const MARKER_PREFIX = /\u0000fg-unknown:/i;

/**
 * Text of the service's files (serverless.yml and what it includes) with what could pass for a
 * marker made inert: its NUL characters become U+FFFD. A marker is then only ever one that `mark`
 * made, and a value the service spells that way (YAML escapes can write NUL) stays text instead of
 * turning into an unknown value that hides it from the rules. The environment and the command
 * line, the other sources of text, cannot hold a NUL.
 */
export function inertText(text: string): string {
  return MARKER_PREFIX.test(text) ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** `inertText` over every key and string of a tree: a copy where something changed, the tree itself where nothing did. */
export function inertTree(node: TMap): TMap;
export function inertTree(node: TNode): TNode;
export function inertTree(node: TNode): TNode {
  if (node.kind === 'scalar') return typeof node.value === 'string' && MARKER_PREFIX.test(node.value) ? { ...node, value: inertText(node.value) } : node;
  if (node.kind === 'seq') {
    const items = node.items.map(inertTree);
    return items.every((item, i) => item === node.items[i]) ? node : { ...node, items };
  }
  const entries = node.entries.map((e) => {
    const value = inertTree(e.value);
    const key = inertText(e.key);
    return value === e.value && key === e.key ? e : { ...e, key, value };
  });
  return entries.every((e, i) => e === node.entries[i]) ? node : { ...node, entries };
}

export type ModelCounts = { [K in keyof AppModel]: number };

export function modelCounts(model: AppModel): ModelCounts {
  return {
    stacks: model.stacks.length,
    functions: model.functions.length,
    triggers: model.triggers.length,
    apis: model.apis.length,
    routes: model.routes.length,
    resources: model.resources.length,
    roles: model.roles.length,
    permissions: model.permissions.length,
  };
}
