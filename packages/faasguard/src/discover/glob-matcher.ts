/**
 * Glob matching in time linear in the path for a given glob: exclude globs and parameter globs come
 * from configuration files and the command line, and a regular-expression glob engine backtracks
 * exponentially on a glob such as `*a*a*a*a*a*a*b` against a long name, which would hang the scan.
 *
 * Syntax (as picomatch with `dot: true` for these forms): `*` any characters but `/` (a segment of
 * stars alone needs one), `?` one character but `/`, `[abc]`, `[a-z]`, `[!a]` or `[^a]` one
 * character of (or not of) a set, `**` as a whole segment any number of segments, `{a,b}`
 * alternatives, `\` an escape, and a leading `!` negates. Extended globs (`@(…)`, `+(…)` …) are
 * refused, as are globs over MAX_GLOB_LENGTH characters or with more than MAX_ALTERNATIVES
 * alternatives once braces are expanded.
 *
 * Each segment is matched with the classic wildcard algorithm (on a mismatch, resume after the last
 * star one character further), and the segments with the same algorithm over `**`: work is at most
 * the product of the glob's and the path's lengths, never exponential.
 */

export const MAX_GLOB_LENGTH = 1024;
export const MAX_ALTERNATIVES = 256;

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };
/** One segment of a glob: `**`, or the tokens that must match one path segment */
type Segment = 'globstar' | Token[];

/** A compiled glob. `steps` counts comparisons made by all `matches` calls, to show the bound. */
export interface GlobMatcher {
  matches(path: string): boolean;
  readonly steps: number;
}

export type CompiledGlob = { matcher: GlobMatcher } | { error: string };

export function compileGlob(glob: string): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) return { error: `longer than ${MAX_GLOB_LENGTH} characters` };
  const negated = glob.startsWith('!') && !glob.startsWith('!(');
  const body = negated ? glob.slice(1) : glob;
  if (/(^|[^\\])[@+!*?]\(/.test(body)) return { error: 'extended globs such as @(a|b) or +(a) are not supported' };
  const expanded = expandBraces(body);
  if (expanded === undefined) return { error: `more than ${MAX_ALTERNATIVES} alternatives once its braces are expanded` };
  const alternatives: Segment[][] = [];
  for (const alternative of expanded) {
    const segments = parseSegments(alternative);
    if (typeof segments === 'string') return { error: segments };
    alternatives.push(segments);
  }
  return { matcher: new Matcher(alternatives, negated) };
}

class Matcher implements GlobMatcher {
  steps = 0;

  constructor(
    private readonly alternatives: readonly Segment[][],
    private readonly negated: boolean,
  ) {}

  matches(path: string): boolean {
    const segments = path.split('/');
    const found = this.alternatives.some((a) => this.matchSegments(a, segments));
    return found !== this.negated;
  }

  /** The wildcard algorithm over segments, `**` being the star. */
  private matchSegments(glob: readonly Segment[], path: readonly string[]): boolean {
    let g = 0;
    let p = 0;
    let starG = -1;
    let starP = 0;
    while (p < path.length) {
      this.steps++;
      const seg = glob[g];
      if (seg === 'globstar') {
        starG = g++;
        starP = p;
      } else if (seg !== undefined && this.matchSegment(seg, path[p]!)) {
        g++;
        p++;
      } else if (starG >= 0) {
        g = starG + 1;
        p = ++starP;
      } else {
        return false;
      }
    }
    while (glob[g] === 'globstar') g++;
    return g === glob.length;
  }

  /** The wildcard algorithm over the characters of one segment. */
  private matchSegment(tokens: readonly Token[], text: string): boolean {
    if (text === '' && tokens.length > 0 && tokens.every((t) => t.kind === 'star')) return false;
    let t = 0;
    let i = 0;
    let starT = -1;
    let starI = 0;
    while (i < text.length) {
      this.steps++;
      const token = tokens[t];
      if (token?.kind === 'star') {
        starT = t++;
        starI = i;
      } else if (token !== undefined && matchesChar(token, text[i]!)) {
        t++;
        i++;
      } else if (starT >= 0) {
        t = starT + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (tokens[t]?.kind === 'star') t++;
    return t === tokens.length;
  }
}

function matchesChar(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === c;
    case 'any':
      return true;
    case 'class':
      return token.ranges.some(([lo, hi]) => lo <= c && c <= hi) !== token.negated;
    case 'star':
      return false;
  }
}

/** The segments of a brace-free glob, or why it cannot be read. */
function parseSegments(glob: string): Segment[] | string {
  const segments: Segment[] = [];
  let tokens: Token[] = [];
  let i = 0;
  const endSegment = (): void => {
    const raw = tokens;
    segments.push(raw.length === 2 && raw.every((t) => t.kind === 'star') && isWholeGlobstar(glob, i) ? 'globstar' : raw);
    tokens = [];
  };
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '/') {
      endSegment();
      i++;
    } else if (c === '\\' && i + 1 < glob.length) {
      tokens.push({ kind: 'char', char: glob[i + 1]! });
      i += 2;
    } else if (c === '*') {
      tokens.push({ kind: 'star' });
      i++;
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
      i++;
    } else if (c === '[') {
      const parsed = parseClass(glob, i);
      tokens.push(parsed?.token ?? { kind: 'char', char: '[' });
      i = parsed?.end ?? i + 1;
    } else {
      tokens.push({ kind: 'char', char: c });
      i++;
    }
  }
  endSegment();
  return segments.map((s) => (s === 'globstar' ? s : collapseStars(s)));
}

/** `**` is a globstar only as a whole segment: `a/**` or `**\/b`, not `a**`. */
function isWholeGlobstar(glob: string, end: number): boolean {
  const start = end - 2;
  return glob.slice(start, end) === '**' && (start === 0 || glob[start - 1] === '/') && (end === glob.length || glob[end] === '/');
}

/** Adjacent stars match what one star matches. */
function collapseStars(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => !(t.kind === 'star' && tokens[i - 1]?.kind === 'star'));
}

/** `[...]` from `start`; undefined when it does not close (the `[` is then a plain character). */
function parseClass(glob: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  let first = true;
  while (i < glob.length && (glob[i] !== ']' || first)) {
    first = false;
    let lo = glob[i]!;
    if (lo === '\\' && i + 1 < glob.length) lo = glob[++i]!;
    if (lo === '/') return undefined;
    if (glob[i + 1] === '-' && i + 2 < glob.length && glob[i + 2] !== ']') {
      ranges.push([lo, glob[i + 2]!]);
      i += 3;
    } else {
      ranges.push([lo, lo]);
      i++;
    }
  }
  if (i >= glob.length) return undefined;
  return { token: { kind: 'class', negated, ranges }, end: i + 1 };
}

/** Every alternative `{a,b}` stands for; undefined past MAX_ALTERNATIVES. Unbalanced braces are plain characters. */
function expandBraces(glob: string): string[] | undefined {
  const open = findOpenBrace(glob);
  if (open === undefined) return [glob];
  const { start, end, options } = open;
  const out: string[] = [];
  for (const option of options) {
    const rest = expandBraces(glob.slice(0, start) + option + glob.slice(end + 1));
    if (rest === undefined) return undefined;
    out.push(...rest);
    if (out.length > MAX_ALTERNATIVES) return undefined;
  }
  return out;
}

/** The first `{…}` with a top-level comma, and its options. */
function findOpenBrace(glob: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    const found = closeBrace(glob, start);
    if (found && found.options.length > 1) return { start, ...found };
  }
  return undefined;
}

function closeBrace(glob: string, start: number): { end: number; options: string[] } | undefined {
  let depth = 0;
  let optionStart = start + 1;
  const options: string[] = [];
  for (let i = start; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      options.push(glob.slice(optionStart, i));
      return { end: i, options };
    } else if (c === ',' && depth === 1) {
      options.push(glob.slice(optionStart, i));
      optionStart = i + 1;
    }
  }
  return undefined;
}
