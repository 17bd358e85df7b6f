/**
 * Terraform's JSON syntax (`.tf.json`, what cdktf writes) as native syntax, line by line, each
 * written line remembering the JSON line it comes from: the same parser and evaluator then read
 * both, and findings point into the JSON file. JSON strings are templates (`"${var.name}"`), as
 * Terraform reads them. Inside a resource or data source, an object whose keys are all names is
 * written as a nested block (Terraform knows which from the provider's schema; a nested block and
 * a map attribute evaluate to the same value here, and blocks are what `statement` and
 * `principals` must be); everywhere else, objects are object values.
 */
import type { SourceLocation } from '../../model/location.js';
import { parseJsonTemplate } from '../../parse/json-template.js';
import type { TNode } from '../../parse/tree.js';

export interface NativeText {
  text: string;
  /** The JSON line (1-based) each written line comes from */
  lines: number[];
  errors: Array<{ loc: SourceLocation; message: string }>;
}

/** Blocks with two labels (`resource "type" "name"`) and with one (`module "name"`). */
const TWO_LABELS = new Set(['resource', 'data']);
const ONE_LABEL = new Set(['variable', 'output', 'module', 'provider']);
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

class Writer {
  readonly out: string[] = [];
  readonly lines: number[] = [];
  line(text: string, origin: number): void {
    this.out.push(text);
    this.lines.push(origin);
  }
}

export function nativeSyntax(file: string, json: string): NativeText {
  const parsed = parseJsonTemplate(json, file);
  const w = new Writer();
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ loc: d.loc, message: d.message }));
  if (parsed.root?.kind !== 'map') return { text: '', lines: [], errors: errors.length > 0 ? errors : [{ loc: { file, line: 1, column: 1 }, message: 'not a JSON object' }] };
  for (const top of parsed.root.entries) {
    if (top.key === '//') continue;
    if (top.key === 'locals') {
      w.line('locals {', top.keyLoc.line);
      for (const e of entriesOf(top.value)) attribute(w, e.key, e.value, '  ');
      w.line('}', top.keyLoc.line);
    } else if (TWO_LABELS.has(top.key)) {
      for (const t of entriesOf(top.value)) for (const n of entriesOf(t.value)) for (const body of bodies(n.value)) block(w, `${top.key} ${quote(t.key)} ${quote(n.key)}`, body, n.keyLoc.line, '', true);
    } else if (ONE_LABEL.has(top.key)) {
      for (const n of entriesOf(top.value)) for (const body of bodies(n.value)) block(w, `${top.key} ${quote(n.key)}`, body, n.keyLoc.line, '', false);
    }
  }
  return { text: `${w.out.join('\n')}\n`, lines: w.lines, errors };
}

function entriesOf(v: TNode): Array<{ key: string; keyLoc: SourceLocation; value: TNode }> {
  return v.kind === 'map' ? v.entries.filter((e) => e.key !== '//') : [];
}

/** A block written once (an object) or several times (an array of objects). */
function bodies(v: TNode): TNode[] {
  return v.kind === 'seq' ? v.items.filter((i) => i.kind === 'map') : v.kind === 'map' ? [v] : [];
}

function block(w: Writer, header: string, body: TNode, origin: number, indent: string, nested: boolean): void {
  w.line(`${indent}${header} {`, origin);
  for (const e of entriesOf(body)) {
    const asBlocks = nested && NAME.test(e.key) && bodies(e.value).length > 0 && bodies(e.value).every(namesOnly) && (e.value.kind === 'map' || e.value.kind === 'seq');
    if (asBlocks) for (const b of bodies(e.value)) block(w, e.key, b, e.keyLoc.line, `${indent}  `, true);
    else attribute(w, e.key, e.value, `${indent}  `);
  }
  w.line(`${indent}}`, origin);
}

function namesOnly(v: TNode): boolean {
  return v.kind === 'map' && v.entries.every((e) => NAME.test(e.key));
}

function attribute(w: Writer, key: string, value: TNode, indent: string): void {
  if (NAME.test(key)) expression(w, value, `${indent}${key} = `, indent);
}

/** A value as an expression, its first line prefixed by `lead`; objects and arrays take a line per item. */
function expression(w: Writer, v: TNode, lead: string, indent: string, after = ''): void {
  if (v.kind === 'scalar') {
    w.line(`${lead}${scalarText(v.value)}${after}`, v.loc.line);
    return;
  }
  const [open, close] = v.kind === 'seq' ? ['[', ']'] : ['{', '}'];
  w.line(`${lead}${open}`, v.loc.line);
  if (v.kind === 'seq') for (const item of v.items) expression(w, item, `${indent}  `, `${indent}  `, ',');
  else for (const e of v.entries) expression(w, e.value, `${indent}  ${quote(e.key)} = `, `${indent}  `);
  w.line(`${indent}${close}${after}`, v.loc.line);
}

function scalarText(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/**
 * A JSON string as an HCL quoted template: outside `${…}` and `%{…}`, quotes, backslashes and line
 * breaks are escaped; inside, the expression is written as it is (its own strings keep their quotes).
 */
function quote(s: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (depth === 0) {
      // `$${` and `%%{` are the literal text `${` and `%{`.
      if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
        out += `${c}${c}{`;
        i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && s[i + 1] === '{') {
        depth = 1;
        out += `${c}{`;
        i++;
        continue;
      }
      out += c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c;
      continue;
    }
    out += c === '\n' ? ' ' : c;
    if (inString) {
      if (c === '\\') out += s[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return `"${out}"`;
}
