/**
 * Whether a policy's resource pattern (`arn:aws:logs:*:*:log-group:/aws/lambda/app-*:*`, IAM's `*`
 * and `?`) can name a resource of a type whose ARN format the Service Authorization Reference gives
 * (`arn:${Partition}:logs:${Region}:${Account}:delivery:${DeliveryName}`): whether some ARN matches
 * both. Both sides are patterns, so this is the intersection of two wildcard languages, decided by
 * walking the pairs of positions the two can reach together.
 */
import { escapeRegExp } from '../util/escape-regexp.js';

/** What one position of a pattern accepts: one given character, or one character of a class, repeated or not. */
interface Token {
  /** A given character, lower case (ARNs are compared without regard to case: the answer may only err toward "can") */
  char?: string;
  /** For a class: whether `/` and `:` are excluded (a name that holds neither) */
  plainName?: boolean;
  /** Any number of characters of the class, none included */
  repeated: boolean;
}

/**
 * The format's variables that hold neither `/` nor `:` (a bucket or table name, the account):
 * `${BucketName}` does not match `my-bucket/*`, so bucket actions do not apply to objects. Every
 * other variable may hold anything: log group names, object keys, IAM paths, ECR repositories and
 * partner event buses hold `/`, and a function's or state machine's ARN may end in `:<version>`,
 * which the catalogue's formats leave out.
 */
const PLAIN_VARIABLES: ReadonlySet<string> = new Set(['Partition', 'Region', 'Account', 'AccountId', 'BucketName', 'TableName', 'QueueName', 'TopicName', 'StreamName', 'KeyId', 'UserPoolId', 'DeliveryStreamName']);

/**
 * IAM's `*` (any characters) and `?` (one character), which formats use too (`/backend/${AppId}/*`),
 * and the catalogue's `${Variable}`, one or more characters; everything else itself. A policy's
 * own variables (`${aws:username}`) are `*` by then (resource-arn-pattern.ts).
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const part of text.split(/(\$\{[^}]*\})/)) {
    const variable = /^\$\{([^}]*)\}$/.exec(part)?.[1];
    if (variable !== undefined) {
      const plainName = PLAIN_VARIABLES.has(variable);
      out.push({ plainName, repeated: false }, { plainName, repeated: true });
      continue;
    }
    for (const c of part) {
      if (c === '*') out.push({ repeated: true });
      else if (c === '?') out.push({ repeated: false });
      else out.push({ char: c.toLowerCase(), repeated: false });
    }
  }
  return out;
}

/** Whether some character is accepted by both. */
function compatible(a: Token, b: Token): boolean {
  if (a.char !== undefined && b.char !== undefined) return a.char === b.char;
  const given = a.char ?? b.char;
  const cls = a.char === undefined ? a : b;
  return given === undefined || !cls.plainName || (given !== '/' && given !== ':');
}

/**
 * Whether some ARN matches both the policy's pattern and the resource type's format, compared part
 * by part (partition, service, region, account, then the resource): a wildcard in the region does
 * not reach into the resource, so `arn:aws:logs:*:*:log-group:app*` names no delivery. A pattern
 * that stops early on `*` (`arn:aws:sns:*:*`) covers everything after, as resourceTarget reads it.
 */
export function arnPatternMeetsFormat(pattern: string, format: string): boolean {
  // Most policies name resources outright: an ARN without wildcards is matched against the format alone.
  if (!/[*?]|\$\{/.test(pattern)) return formatRegExp(format).test(pattern);
  const p = shapeOf(pattern);
  const f = shapeOf(format);
  if (p.length < 6) return p.length > 0 && isOnlyStar(p[p.length - 1]!) && p.slice(0, -1).every((part, i) => partsMeet(part, f[i] ?? []));
  return p.every((part, i) => partsMeet(part, f[i] ?? []));
}

/**
 * An ARN's parts as tokens: the first five split at `:`, the resource whole. Kept by text, since a
 * scan asks about the same formats and patterns many times.
 */
type Shape = readonly Token[][];
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 20_000;

function shapeOf(text: string): Shape {
  let shape = shapes.get(text);
  if (shape) return shape;
  const parts = text.split(':');
  const split = parts.length < 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')];
  shape = split.map(tokens);
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(text, shape);
  return shape;
}

function isOnlyStar(part: readonly Token[]): boolean {
  return part.length === 1 && part[0]!.repeated && part[0]!.char === undefined && part[0]!.plainName === undefined;
}

const formatRegExps = new Map<string, RegExp>();

/**
 * The ARNs of a format: each `${Variable}` one or more characters, without `:` in the first five
 * parts, without `/` or `:` for a plain name; IAM's wildcards in a format are themselves.
 */
function formatRegExp(format: string): RegExp {
  let re = formatRegExps.get(format);
  if (re) return re;
  const parts = format.split(':');
  const source = parts.map((part, i) => partSource(part, i >= 5)).join(':');
  re = new RegExp(`^${source}$`, 'i');
  formatRegExps.set(format, re);
  return re;
}

function partSource(part: string, resource: boolean): string {
  return part
    .split(/(\$\{[^}]*\})/)
    .map((piece) => {
      const variable = /^\$\{([^}]*)\}$/.exec(piece)?.[1];
      if (variable !== undefined) return PLAIN_VARIABLES.has(variable) ? '[^/:]+' : resource ? '.+' : '[^:]+';
      return piece.split('*').map((t) => t.split('?').map(escapeRegExp).join('.')).join('.*');
    })
    .join('');
}

/** Walks the pairs of positions both can reach together, each pair once. */
function partsMeet(p: readonly Token[], f: readonly Token[]): boolean {
  const width = f.length + 1;
  const seen = new Uint8Array((p.length + 1) * width);
  const todo: number[] = [0];
  seen[0] = 1;
  const visit = (i: number, j: number): void => {
    const key = i * width + j;
    if (seen[key] === 0) {
      seen[key] = 1;
      todo.push(key);
    }
  };
  while (todo.length > 0) {
    const key = todo.pop()!;
    const i = Math.floor(key / width);
    const j = key % width;
    if (i === p.length && j === f.length) return true;
    const a = p[i];
    const b = f[j];
    if (a?.repeated) visit(i + 1, j);
    if (b?.repeated) visit(i, j + 1);
    if (!a || !b || (a.repeated && b.repeated) || !compatible(a, b)) continue;
    visit(a.repeated ? i : i + 1, b.repeated ? j : j + 1);
  }
  return false;
}
