/**
 * A document as the fuzz tests build it: maps, sequences, scalars and CloudFormation intrinsics,
 * written either as YAML (short-form tags such as `!Sub`) or as JSON (long form `{"Fn::Sub": …}`).
 * Every string is written quoted and escaped, so that what the generator chose is what the
 * scanner reads; damage to the text is applied afterwards, on purpose.
 */

export type Tree =
  | { kind: 'map'; entries: Array<[string, Tree]> }
  | { kind: 'seq'; items: Tree[] }
  | { kind: 'scalar'; value: string | number | boolean | null }
  /** An intrinsic: `name` is the long form (`Fn::Sub`, `Ref`, `Condition`) */
  | { kind: 'fn'; name: string; arg: Tree };

export const map = (entries: Array<[string, Tree]>): Tree => ({ kind: 'map', entries });
export const seq = (items: Tree[]): Tree => ({ kind: 'seq', items });
export const scalar = (value: string | number | boolean | null): Tree => ({ kind: 'scalar', value });
export const fn = (name: string, arg: Tree): Tree => ({ kind: 'fn', name, arg });

/** `Fn::Sub` → `!Sub`; `Ref` → `!Ref`; `Condition` → `!Condition`. */
function shortTag(name: string): string {
  return `!${name.replace(/^Fn::/, '')}`;
}

/** A YAML double-quoted scalar: every character outside printable ASCII escaped. */
function yamlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function yamlScalar(v: string | number | boolean | null): string {
  return typeof v === 'string' ? yamlString(v) : String(v);
}

function flow(t: Tree): string {
  switch (t.kind) {
    case 'scalar':
      return yamlScalar(t.value);
    case 'seq':
      return `[${t.items.map(flow).join(', ')}]`;
    case 'map':
      return `{${t.entries.map(([k, v]) => `${yamlString(k)}: ${flow(v)}`).join(', ')}}`;
    case 'fn':
      return `${shortTag(t.name)} ${flow(t.arg)}`;
  }
}

/** The text after `key:` or `-`: inline for scalars, intrinsics and empty collections, else an indented block. */
function blockValue(t: Tree, indent: number): string {
  if (t.kind === 'map' && t.entries.length > 0) return `\n${blockMap(t.entries, indent + 2)}`;
  if (t.kind === 'seq' && t.items.length > 0) return `\n${blockSeq(t.items, indent + 2)}`;
  return ` ${flow(t)}`;
}

function blockMap(entries: Array<[string, Tree]>, indent: number): string {
  const pad = ' '.repeat(indent);
  return entries.map(([k, v]) => `${pad}${yamlString(k)}:${blockValue(v, indent)}`).join('\n');
}

function blockSeq(items: Tree[], indent: number): string {
  const pad = ' '.repeat(indent);
  return items.map((v) => `${pad}-${blockValue(v, indent)}`).join('\n');
}

export function toYaml(t: Tree): string {
  if (t.kind === 'map' && t.entries.length > 0) return `${blockMap(t.entries, 0)}\n`;
  return `${flow(t)}\n`;
}

/** JSON with long-form intrinsics; duplicate keys are kept as written (JSON.stringify would drop them). */
export function toJson(t: Tree, indent = 0): string {
  const pad = ' '.repeat(indent + 2);
  switch (t.kind) {
    case 'scalar':
      return JSON.stringify(t.value);
    case 'seq':
      return t.items.length === 0 ? '[]' : `[\n${t.items.map((v) => pad + toJson(v, indent + 2)).join(',\n')}\n${' '.repeat(indent)}]`;
    case 'map':
      return t.entries.length === 0 ? '{}' : `{\n${t.entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${toJson(v, indent + 2)}`).join(',\n')}\n${' '.repeat(indent)}}`;
    case 'fn':
      return `{${JSON.stringify(t.name)}: ${toJson(t.arg, indent)}}`;
  }
}
