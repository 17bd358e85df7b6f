/**
 * Reader for the yarn v1 lockfile syntax: an indentation-based format where a line
 * ending in `:` opens a block and other lines are `key value` pairs.
 *
 * Written here rather than taken from `@yarnpkg/lockfile` because that package has
 * not been released since 2018, reports no line numbers, and the syntax is small.
 */
import type { ParseError } from '../types.js';

export interface YarnBlock {
  line: number;
  fields: Map<string, string | YarnBlock>;
}

export interface YarnTopEntry {
  /** Descriptors (`name@range`) listed on the entry's header line. */
  keys: string[];
  line: number;
  body: YarnBlock;
}

/** Splits `a, "b", c` on commas that are outside quotes, and unquotes each part. */
function splitKeys(header: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(unquote(cur.trim()));
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(unquote(cur.trim()));
  return out;
}

function unquote(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s;
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'string' ? v : s.slice(1, -1);
  } catch {
    return s.slice(1, -1);
  }
}

/** First token of a `key value` line, honouring a quoted key. */
function splitPair(content: string): [string, string] | undefined {
  if (content.startsWith('"')) {
    const end = content.indexOf('"', 1);
    if (end < 0) return undefined;
    return [content.slice(1, end), content.slice(end + 1).trim()];
  }
  const sp = content.search(/\s/);
  if (sp < 0) return [content, ''];
  return [content.slice(0, sp), content.slice(sp + 1).trim()];
}

/** Parses the whole file; malformed lines are reported and skipped. */
export function readYarnClassic(text: string, file: string): { entries: YarnTopEntry[]; errors: ParseError[] } {
  const entries: YarnTopEntry[] = [];
  const errors: ParseError[] = [];
  // Stack of open blocks with the indentation their children use.
  let stack: { indent: number; block: YarnBlock }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const lineNo = i + 1;
    if (indent === 0) {
      if (!content.endsWith(':')) {
        errors.push({ file, line: lineNo, message: `expected an entry header ending in ":"` });
        stack = [];
        continue;
      }
      const body: YarnBlock = { line: lineNo, fields: new Map() };
      entries.push({ keys: splitKeys(content.slice(0, -1)), line: lineNo, body });
      stack = [{ indent: -1, block: body }];
      continue;
    }
    while (stack.length > 1 && indent <= stack[stack.length - 1]!.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) {
      errors.push({ file, line: lineNo, message: 'indented line outside any entry' });
      continue;
    }
    if (content.endsWith(':') && !content.includes(' "')) {
      const child: YarnBlock = { line: lineNo, fields: new Map() };
      parent.block.fields.set(unquote(content.slice(0, -1).trim()), child);
      stack.push({ indent, block: child });
      continue;
    }
    const pair = splitPair(content);
    if (!pair) {
      errors.push({ file, line: lineNo, message: 'unterminated quoted key' });
      continue;
    }
    parent.block.fields.set(pair[0], unquote(pair[1]));
    if (errors.length > 50) break;
  }
  return { entries, errors };
}

/** String field of a block. */
export function field(b: YarnBlock, key: string): string | undefined {
  const v = b.fields.get(key);
  return typeof v === 'string' ? v : undefined;
}

/** `name → range` map held in a sub-block such as `dependencies:`. */
export function subMap(b: YarnBlock, key: string): Record<string, string> {
  const v = b.fields.get(key);
  const out: Record<string, string> = {};
  if (!v || typeof v === 'string') return out;
  for (const [k, val] of v.fields) if (typeof val === 'string') out[k] = val;
  return out;
}
