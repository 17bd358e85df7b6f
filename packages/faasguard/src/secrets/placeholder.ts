/**
 * Values that stand for a secret without being one: references resolved at
 * deploy or run time, template variables, and the words people type while
 * writing an example. Reporting these would teach users to ignore findings.
 */

import { escapeRegExp } from '../util/escape-regexp.js';

/** Whole values (case-insensitive) that are placeholder words. */
const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'replace-me',
  'todo', 'tbd', 'fixme', 'secret', 'password', 'passwd', 'pass', 'token', 'apikey', 'api_key',
  'key', 'none', 'null', 'nil', 'undefined', 'dummy', 'test', 'testing', 'sample', 'example',
  'placeholder', 'redacted', 'default', 'foo', 'bar', 'baz', 'foobar', 'secret123', 'password123',
  'admin', 'root', 'letmein', 'qwerty', 'hunter2', 'mysecret', 'mypassword', 'yoursecret',
  'yourpassword', 'not-set', 'notset', 'unset', 'empty', 'n/a', 'na', '-',
]);

/** Substrings (case-insensitive) that only occur in hand-written stand-ins. */
const PLACEHOLDER_FRAGMENTS = [
  'changeme', 'change_me', 'change-me', 'replace_me', 'replace-me', 'replaceme', 'your-', 'your_',
  'yourkey', 'yourtoken', 'yoursecret', 'yourpass', 'example', 'placeholder', 'dummy', 'redacted',
  'insert_', 'insert-', 'put_your', 'put-your', 'xxxx', '****', '....', '…', 'todo',
  'password', 'passwd', 'secret_here', 'key_here', 'token_here', '-here', '_here',
];

/** The fragments as one regex: one pass over the value instead of one per fragment. */
const FRAGMENT_PATTERN = new RegExp(PLACEHOLDER_FRAGMENTS.map(escapeRegExp).join('|'));

/** Deploy- or run-time references: Serverless/shell `${...}`, `$(...)`, `$VAR`, `%VAR%`, mustache, CloudFormation. */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /\$\{[^}]*\}/, // ${env:X}, ${ssm:/a/b}, ${self:custom.x}, JS template literals
  /\$\([^)]*\)/, // $(shell) and Azure-style $(var)
  /^\$[{(]|^\{\{/, // the same, cut short by the surrounding syntax
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /\{\{[^}]*\}\}/, // {{resolve:secretsmanager:...}}, Helm, Jinja, mustache
  /^#\{[^}]*\}$/, // Ruby/Octopus #{var}
  /^!(Ref|Sub|GetAtt|ImportValue|FindInMap|Join|Select|If|Base64)\b/, // YAML short-form intrinsics
  /^Fn::|^\{\s*"?(Ref|Fn::)/, // long-form intrinsics rendered as text
  /^%s$|^%\(.*\)s$/, // printf slots
  /<[^<>]+>/, // <your-key>, <password>
];

/** Words strung together and ending in a count: `super_secret_key_12345`, `api-key-1234`. */
const DEMO_VALUE = /^(?:[a-z]+[_-])*(?:secret|key|token|pass)(?:[_-][a-z]+)*[_-]?(?:123|1234|12345|123456)$/i;

/** True when `value` is empty, a reference or a stand-in rather than a real secret. */
export function isPlaceholder(value: string): boolean {
  const trimmed = stripQuotes(value.trim());
  if (trimmed.length === 0) return true;
  const lower = trimmed.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (isOneRepeatedCharacter(trimmed) || DEMO_VALUE.test(trimmed)) return true;
  if (REFERENCE_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  return FRAGMENT_PATTERN.test(lower);
}

function stripQuotes(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'" || first === '`') && value.endsWith(first) && value.length >= 2) {
    return value.slice(1, -1).trim();
  }
  return value;
}

/** `xxxxxxxx`, `00000000`, `********`: masks, not secrets. */
function isOneRepeatedCharacter(value: string): boolean {
  for (let i = 1; i < value.length; i++) {
    if (value[i] !== value[0]) return false;
  }
  return true;
}
