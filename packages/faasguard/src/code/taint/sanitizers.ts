/**
 * Calls whose result is safe (for all sinks, or for some families), and checks that, when they
 * pass, make a value safe on that branch (allow-lists, anchored patterns, schema validators).
 * A check counts only when it can fail: a local function that always returns true guards nothing
 * (see `summaries.ts`).
 */
import type { SinkFamily } from './types.js';

export interface SanitizerSpec {
  modules: readonly string[];
  methods: readonly string[];
  /** `all`: the result carries no attacker data at all */
  families: readonly SinkFamily[] | 'all';
}

const URL_SAFE: readonly SinkFamily[] = ['command', 'path', 'ssrf', 'xss', 'redirect'];

export const SANITIZERS: readonly SanitizerSpec[] = [
  { modules: ['global'], methods: ['Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'isFinite', 'BigInt'], families: 'all' },
  { modules: ['global'], methods: ['encodeURIComponent', 'escape'], families: URL_SAFE },
  { modules: ['global'], methods: ['encodeURI'], families: ['xss'] },
  { modules: ['global'], methods: ['String'], families: ['nosql'] },
  { modules: ['Math', 'crypto', 'uuid'], methods: ['*'], families: 'all' },
  { modules: ['path'], methods: ['basename', 'extname'], families: ['path', 'command'] },
  { modules: ['zod'], methods: ['parse', 'parseAsync', 'safeParse', 'safeParseAsync'], families: 'all' },
  { modules: ['joi', '@hapi/joi'], methods: ['validate', 'validateAsync', 'attempt'], families: 'all' },
  { modules: ['yup'], methods: ['validate', 'validateSync', 'cast'], families: 'all' },
  { modules: ['superstruct'], methods: ['create', 'mask'], families: 'all' },
  { modules: ['shell-quote'], methods: ['quote'], families: ['command'] },
  { modules: ['shell-escape', 'any-shell-escape'], methods: [''], families: ['command'] },
  { modules: ['shescape'], methods: ['quote', 'quoteAll', 'escape', 'escapeAll'], families: ['command'] },
  { modules: ['mysql', 'mysql2', 'sqlstring'], methods: ['escape', 'escapeId', 'format'], families: ['sql'] },
  { modules: ['pg'], methods: ['escapeLiteral', 'escapeIdentifier'], families: ['sql'] },
  { modules: ['pg-format'], methods: ['', 'literal', 'ident'], families: ['sql'] },
  { modules: ['escape-html', 'sanitize-html', 'xss'], methods: [''], families: ['xss'] },
  { modules: ['he'], methods: ['encode', 'escape'], families: ['xss'] },
  { modules: ['lodash', 'underscore'], methods: ['escape'], families: ['xss'] },
  { modules: ['dompurify', 'isomorphic-dompurify'], methods: ['sanitize'], families: ['xss'] },
  { modules: ['validator'], methods: ['escape'], families: ['xss'] },
  { modules: ['lodash', 'lodash.escaperegexp'], methods: ['escapeRegExp', ''], families: ['regex'] },
  { modules: ['escape-string-regexp'], methods: [''], families: ['regex'] },
  { modules: ['validator'], methods: ['toInt', 'toFloat', 'toBoolean', 'toDate'], families: 'all' },
];

export function findSanitizer(module: string | undefined, method: string): SanitizerSpec | undefined {
  if (module === undefined) return undefined;
  return SANITIZERS.find((s) => s.modules.includes(module) && (s.methods.includes(method) || s.methods.includes('*')));
}

/** Method calls on a receiver that answer yes or no: a membership test when the receiver is trusted. */
export const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(['includes', 'has']);

/** Methods whose result carries no data of the receiver or arguments. */
export const CLEAN_METHODS: ReadonlySet<string> = new Set([
  'includes', 'has', 'test', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'some', 'every', 'isArray', 'findIndex',
  'localeCompare', 'getTime', 'valueOf', 'toFixed', 'isInteger', 'isSafeInteger', 'hasOwnProperty', 'digest', 'verify',
]);

/** Guard functions of validation libraries: when they return true, the argument is valid. */
export const GUARD_SPECS: ReadonlyArray<{ modules: readonly string[]; methods: readonly string[]; arg: number }> = [
  { modules: ['validator'], methods: ['isInt', 'isNumeric', 'isUUID', 'isAlphanumeric', 'isAlpha', 'isEmail', 'isIn', 'isHexadecimal', 'isBase64', 'isFQDN'], arg: 0 },
  { modules: ['ajv'], methods: ['validate'], arg: 1 },
  // `const validate = ajv.compile(schema)`: calling the compiled function is the check.
  { modules: ['ajv'], methods: ['compile', 'getSchema'], arg: 0 },
];

/** An anchored regular expression with no catch-all: `^[\w.-]+$` allows a known alphabet only. */
export function isAnchoredRegex(source: string): boolean {
  return /^\/\^/.test(source) && /\$\/[a-z]*$/.test(source) && !/\.\*|\.\+|\\S|\[\^/.test(source);
}
