/**
 * Where variables stand in a string, and what is inside one.
 *
 * The framework's syntax is `${source:address, fallback, …}`; fallbacks may be variables
 * themselves, nested to any depth (`${opt:stage, ${self:custom.stage, 'dev'}}`), and an address
 * may contain variables (`${self:custom.${sls:stage}.memory}`). `${Name}` without a source is
 * left alone: it is CloudFormation's Fn::Sub syntax. A custom `provider.variableSyntax` (a regular
 * expression whose first group is the inside of the variable) replaces the default.
 */

export interface VariableMatch {
  start: number;
  end: number;
  /** The text between the delimiters */
  inner: string;
}

export interface VariableSyntax {
  find(s: string): VariableMatch[];
}

/** A variable's inside is `source:address`, `source(param)` or `source(param):address`, or a nested variable. */
const CALL_PREFIX = /^\s*([A-Za-z][\w.-]*)\(([^)]*)\)(?::(?!:))?/;
const PLAIN_PREFIX = /^\s*([A-Za-z][\w.-]*):(?!:)/;

export function looksLikeVariable(inner: string): boolean {
  return CALL_PREFIX.test(inner) || PLAIN_PREFIX.test(inner) || inner.trimStart().startsWith('${');
}

/** `${…}` with balanced braces; quoted parts may hold braces and commas. */
export const defaultSyntax: VariableSyntax = {
  find(s) {
    const out: VariableMatch[] = [];
    let i = s.indexOf('${');
    while (i >= 0) {
      const end = closingBrace(s, i + 2);
      if (end < 0) break;
      const inner = s.slice(i + 2, end);
      if (looksLikeVariable(inner)) {
        out.push({ start: i, end: end + 1, inner });
        i = s.indexOf('${', end + 1);
      } else {
        i = s.indexOf('${', i + 2);
      }
    }
    return out;
  },
};

function closingBrace(s: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** A user's `variableSyntax`: matches are taken as they come; nested ones resolve pass by pass. */
export function customSyntax(pattern: string): VariableSyntax {
  const re = new RegExp(pattern, 'g');
  return {
    find(s) {
      const out: VariableMatch[] = [];
      for (const m of s.matchAll(re)) {
        const inner = m[1] ?? '';
        if (m[0].length > 0 && looksLikeVariable(inner)) out.push({ start: m.index, end: m.index + m[0].length, inner });
      }
      return out;
    },
  };
}

/** Splits `a, 'b, c', ${x, y}` at the top-level commas. */
export function splitParams(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out;
}

export interface SourceCall {
  /** `self`, `opt`, `file` … */
  source: string;
  /** What is in parentheses: the path of `file(…)`, the name of `strToBool(…)` */
  param?: string;
  address: string;
}

/** `file(./x.yml):a.b` → { source: 'file', param: './x.yml', address: 'a.b' }. */
export function parseSourceCall(text: string): SourceCall | undefined {
  const call = CALL_PREFIX.exec(text);
  if (call) return { source: call[1]!, param: call[2]!.trim(), address: text.slice(call[0].length).trim() };
  const plain = PLAIN_PREFIX.exec(text);
  return plain ? { source: plain[1]!, address: text.slice(plain[0].length).trim() } : undefined;
}

/** `'dev'`, `"dev"` → dev; numbers and booleans as such; undefined when it is not a literal. */
export function literal(text: string): string | number | boolean | undefined {
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return undefined;
}
