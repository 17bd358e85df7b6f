/**
 * Python sanitizers and checks: module (first segment of the import), function (last attribute).
 * Python sinks are data in `models/python-sinks.ts`.
 */
import type { SinkFamily } from './types.js';

const URL_SAFE: readonly SinkFamily[] = ['command', 'path', 'ssrf', 'xss', 'redirect'];

export const PY_SANITIZERS: ReadonlyArray<{ modules: readonly string[]; methods: readonly string[]; families: readonly SinkFamily[] | 'all' }> = [
  { modules: ['builtins'], methods: ['int', 'float', 'bool', 'len', 'abs', 'round', 'hash', 'isinstance'], families: 'all' },
  { modules: ['uuid'], methods: ['UUID', 'uuid4', 'uuid1'], families: 'all' },
  { modules: ['hashlib', 'hmac', 'secrets', 'math', 'datetime', 'decimal'], methods: ['*'], families: 'all' },
  { modules: ['builtins'], methods: ['str'], families: ['nosql'] },
  { modules: ['shlex'], methods: ['quote', 'join'], families: ['command'] },
  { modules: ['os'], methods: ['basename'], families: ['path', 'command'] },
  { modules: ['html', 'markupsafe', 'bleach'], methods: ['escape', 'clean'], families: ['xss'] },
  { modules: ['re', 'regex'], methods: ['escape'], families: ['regex'] },
  { modules: ['urllib'], methods: ['quote', 'quote_plus', 'urlencode'], families: URL_SAFE },
  { modules: ['pydantic'], methods: ['model_validate', 'parse_obj', 'model_validate_json', 'parse_raw'], families: 'all' },
  { modules: ['marshmallow'], methods: ['load', 'loads'], families: 'all' },
];

export function findPySanitizer(module: string | undefined, method: string): { families: readonly SinkFamily[] | 'all' } | undefined {
  if (module === undefined) return undefined;
  return PY_SANITIZERS.find((s) => s.modules.includes(module) && (s.methods.includes(method) || s.methods.includes('*')));
}

/** String methods that answer yes or no (and so can be checks). */
export const PY_CHECK_METHODS: ReadonlySet<string> = new Set(['isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'isidentifier']);

/** Methods whose result carries none of the data. */
export const PY_CLEAN_METHODS: ReadonlySet<string> = new Set(['startswith', 'endswith', 'count', 'find', 'index', 'isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'hexdigest', 'digest', '__len__']);
