/**
 * Whether a policy's resource pattern (`arn:aws:logs:*:*:log-group:/aws/lambda/app-*:*`, IAM's `*`
 * and `?`) can name a resource of a type whose ARN format the Service Authorization Reference gives
 * (`arn:${Partition}:logs:${Region}:${Account}:delivery:${DeliveryName}`): whether some ARN matches
 * both. Both sides are patterns, so this is the intersection of two wildcard languages, decided by
 * walking the pairs of positions the two can reach together.
 */

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
  const p = pattern.split(':');
  const f = format.split(':');
  if (p.length < 6) return p[p.length - 1] === '*' && p.slice(0, -1).every((part, i) => partsMeet(part, f[i] ?? ''));
  return p.slice(0, 5).every((part, i) => partsMeet(part, f[i] ?? '')) && partsMeet(p.slice(5).join(':'), f.slice(5).join(':'));
}

function partsMeet(pattern: string, format: string): boolean {
  const p = tokens(pattern);
  const f = tokens(format);
  const width = f.length + 1;
  const seen = new Set<number>();
  const todo: number[] = [0];
  const visit = (i: number, j: number): void => {
    const key = i * width + j;
    if (!seen.has(key)) {
      seen.add(key);
      todo.push(key);
    }
  };
  seen.add(0);
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
