/**
 * Python sinks, sanitizers and guards, in the terms of `sinks.ts`: module (first segment of the
 * import), function (last attribute), arguments; `kw` conditions read keyword arguments.
 */
import type { SinkFamily, Value } from './types.js';

export interface PySinkSpec {
  family: SinkFamily;
  modules: readonly string[];
  methods: readonly string[];
  args: readonly number[];
  /** Keyword arguments that matter as much as the positional ones (`url=`) */
  kwargs?: readonly string[];
  when?: (args: readonly Value[], kw: ReadonlyMap<string, Value>) => boolean;
  safePrefix?: RegExp;
  /** Only data that can be a dict does harm (a Mongo filter: `{"$ne": None}` where a value was expected) */
  needsObject?: boolean;
}

const shellTrue = (_a: readonly Value[], kw: ReadonlyMap<string, Value>): boolean => kw.get('shell')?.text === 'True';
const unsafeYaml = (_a: readonly Value[], kw: ReadonlyMap<string, Value>): boolean => !/Safe/.test(kw.get('Loader')?.api?.members.join('.') ?? '');
const FIXED_ORIGIN = /^(https?:)?\/\/[^/?#]+[/?#]|^\/(?![/\\])/i;
const SQL_WORDS = /\b(select|insert|update|delete|from|where|values|order\s+by|create|drop|alter)\b/i;
const sqlLike = (a: readonly Value[]): boolean => SQL_WORDS.test(a[0]?.prefix ?? a[0]?.text ?? '');

export const PY_SINKS: readonly PySinkSpec[] = [
  { family: 'command', modules: ['os'], methods: ['system', 'popen'], args: [0] },
  { family: 'command', modules: ['subprocess'], methods: ['getoutput', 'getstatusoutput'], args: [0] },
  { family: 'command', modules: ['subprocess'], methods: ['run', 'call', 'check_call', 'check_output', 'Popen'], args: [0], kwargs: ['args'], when: shellTrue },
  { family: 'code', modules: ['builtins'], methods: ['eval', 'exec', 'compile'], args: [0] },
  { family: 'deserialization', modules: ['pickle', 'cPickle', 'dill', 'marshal', '_pickle'], methods: ['loads', 'load'], args: [0] },
  { family: 'deserialization', modules: ['jsonpickle'], methods: ['decode'], args: [0] },
  { family: 'deserialization', modules: ['yaml'], methods: ['unsafe_load', 'unsafe_load_all'], args: [0] },
  { family: 'deserialization', modules: ['yaml'], methods: ['load', 'load_all'], args: [0], when: unsafeYaml },
  { family: 'sql', modules: ['pymysql', 'psycopg2', 'psycopg', 'sqlite3', 'mysql', 'sqlalchemy', 'pg8000', 'aiomysql', 'asyncpg'], methods: ['execute', 'executemany', 'executescript', 'text', 'fetch', 'fetchrow'], args: [0] },
  { family: 'sql', modules: ['*'], methods: ['execute', 'executemany', 'executescript'], args: [0], when: sqlLike },
  { family: 'nosql', modules: ['pymongo', 'motor', 'mongoengine'], methods: ['find', 'find_one', 'find_one_and_update', 'find_one_and_delete', 'update_one', 'update_many', 'delete_one', 'delete_many', 'count_documents', 'aggregate'], args: [0], needsObject: true },
  { family: 'path', modules: ['builtins'], methods: ['open'], args: [0], kwargs: ['file'] },
  { family: 'path', modules: ['os'], methods: ['remove', 'unlink', 'rmdir', 'listdir', 'makedirs', 'mkdir', 'stat', 'open', 'scandir'], args: [0] },
  { family: 'path', modules: ['shutil'], methods: ['copy', 'copyfile', 'copy2', 'move', 'rmtree', 'copytree'], args: [0, 1] },
  { family: 'ssrf', modules: ['requests', 'httpx'], methods: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'], args: [0], kwargs: ['url'], safePrefix: FIXED_ORIGIN },
  { family: 'ssrf', modules: ['requests', 'httpx'], methods: ['request'], args: [1], kwargs: ['url'], safePrefix: FIXED_ORIGIN },
  { family: 'ssrf', modules: ['urllib'], methods: ['urlopen', 'Request'], args: [0], kwargs: ['url'], safePrefix: FIXED_ORIGIN },
];

export function findPySinks(module: string | undefined, method: string, args: readonly Value[], kw: ReadonlyMap<string, Value>): PySinkSpec[] {
  return PY_SINKS.filter((s) => s.methods.includes(method) && (module === undefined ? s.modules.includes('*') : s.modules.includes(module)) && (!s.when || s.when(args, kw)));
}

const URL_SAFE: readonly SinkFamily[] = ['command', 'path', 'ssrf', 'xss', 'redirect'];

export const PY_SANITIZERS: ReadonlyArray<{ modules: readonly string[]; methods: readonly string[]; families: readonly SinkFamily[] | 'all' }> = [
  { modules: ['builtins'], methods: ['int', 'float', 'bool', 'len', 'abs', 'round', 'hash', 'isinstance'], families: 'all' },
  { modules: ['uuid'], methods: ['UUID', 'uuid4', 'uuid1'], families: 'all' },
  { modules: ['hashlib', 'hmac', 'secrets', 'math', 'datetime', 'decimal'], methods: ['*'], families: 'all' },
  { modules: ['builtins'], methods: ['str'], families: ['nosql'] },
  { modules: ['shlex'], methods: ['quote', 'join'], families: ['command'] },
  { modules: ['os'], methods: ['basename'], families: ['path', 'command'] },
  { modules: ['html', 'markupsafe', 'bleach'], methods: ['escape', 'clean'], families: ['xss'] },
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
