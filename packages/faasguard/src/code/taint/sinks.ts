/**
 * Sinks: calls where attacker data does harm, by module and function, with the arguments that
 * matter. A module of `global` means a global (`eval`, `fetch`); a method of `''` means calling the
 * module itself (`axios(url)`); a module of `*` matches a receiver the analysis cannot name, and
 * then the spec must also match the data (`sqlLike`).
 */
import type { SinkFamily, Value } from './types.js';

export interface SinkSpec {
  family: SinkFamily;
  modules: readonly string[];
  methods: readonly string[];
  /** Argument indexes that must not carry attacker data */
  args: readonly number[] | 'all';
  /** Extra condition on the call (a shell option, a string argument …) */
  when?: (args: readonly Value[]) => boolean;
  /** For object arguments: only these properties matter (`url` of an axios config) */
  props?: readonly string[];
  /** Constant prefix that makes the argument safe (a fixed origin for a URL) */
  safePrefix?: RegExp;
  /** Only data that can be an object does harm (a Mongo filter: `{ $ne: null }` where a value was expected) */
  needsObject?: boolean;
}

export interface SinkFamilyInfo {
  title: string;
  cwe: string;
}

export const FAMILY_INFO: Readonly<Record<SinkFamily, SinkFamilyInfo>> = {
  command: { title: 'command execution', cwe: 'CWE-78' },
  code: { title: 'code evaluation', cwe: 'CWE-94' },
  deserialization: { title: 'unsafe deserialization', cwe: 'CWE-502' },
  sql: { title: 'SQL query', cwe: 'CWE-89' },
  nosql: { title: 'NoSQL query', cwe: 'CWE-943' },
  path: { title: 'file system path', cwe: 'CWE-22' },
  ssrf: { title: 'outbound request', cwe: 'CWE-918' },
  xss: { title: 'HTML response', cwe: 'CWE-79' },
  redirect: { title: 'redirect', cwe: 'CWE-601' },
};

/** The shell option of spawn/execFile/execa: the third argument, or the second when no arguments array is given. */
function withShell(args: readonly Value[]): boolean {
  for (const a of args.slice(1, 3)) {
    const shell = a.props?.get('shell');
    if (shell && shell.text !== 'false') return true;
  }
  return false;
}

function notAFunction(args: readonly Value[]): boolean {
  return args[0] !== undefined && !args[0].fn;
}

const SQL_WORDS = /\b(select|insert|update|delete|from|where|values|order\s+by|create|drop|alter)\b/i;

/** For a receiver the analysis cannot name: the argument is built from text that reads as SQL. */
function sqlLike(args: readonly Value[]): boolean {
  const a = args[0];
  return a !== undefined && SQL_WORDS.test(a.prefix ?? a.text ?? '');
}

/** Text that reads as markup: `<p>${name}</p>`. */
function htmlLike(args: readonly Value[]): boolean {
  return /<[a-z!/]/i.test(args[0]?.prefix ?? args[0]?.text ?? '');
}

function fullSchema(args: readonly Value[]): boolean {
  const schema = args[1]?.props?.get('schema');
  return schema?.api?.members.some((m) => /FULL_SCHEMA/.test(m)) ?? false;
}

/** A URL whose origin is fixed by constant text: `https://api.example.com/…`. */
export const FIXED_ORIGIN = /^(https?:)?\/\/[^/?#]+[/?#]|^\/(?![/\\])/i;

const FS_METHODS = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream', 'createWriteStream',
  'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'readdir', 'readdirSync', 'mkdir', 'mkdirSync', 'open', 'openSync',
  'access', 'accessSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'exists', 'existsSync',
  'readJson', 'readJsonSync', 'outputFile', 'outputFileSync', 'remove', 'removeSync', 'writeJson', 'writeJsonSync',
];

/** File system calls whose first two arguments are both paths. */
const FS_TWO_PATHS = ['copyFile', 'copyFileSync', 'rename', 'renameSync', 'copy', 'copySync', 'move', 'moveSync', 'symlink', 'symlinkSync', 'link', 'linkSync'];

const MONGO_METHODS = [
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'updateOne', 'updateMany',
  'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'count', 'aggregate', 'where', 'distinct', 'remove', 'update',
];

const HTTP_VERBS = ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream'];

export const SINKS: readonly SinkSpec[] = [
  { family: 'command', modules: ['child_process'], methods: ['exec', 'execSync'], args: [0] },
  { family: 'command', modules: ['child_process'], methods: ['spawn', 'spawnSync', 'execFile', 'execFileSync'], args: [0, 1], when: withShell },
  { family: 'command', modules: ['execa'], methods: ['', 'execa', 'execaSync', 'execaCommand', 'execaCommandSync'], args: [0, 1], when: withShell },
  { family: 'command', modules: ['shelljs'], methods: ['exec'], args: [0] },
  { family: 'code', modules: ['global'], methods: ['eval'], args: [0] },
  { family: 'code', modules: ['global'], methods: ['Function'], args: 'all' },
  { family: 'code', modules: ['global'], methods: ['setTimeout', 'setInterval', 'setImmediate'], args: [0], when: notAFunction },
  { family: 'code', modules: ['vm'], methods: ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule'], args: [0] },
  { family: 'deserialization', modules: ['node-serialize'], methods: ['unserialize'], args: [0] },
  { family: 'deserialization', modules: ['serialize-to-js'], methods: ['deserialize'], args: [0] },
  { family: 'deserialization', modules: ['funcster'], methods: ['deepDeserialize', 'deserialize'], args: [0] },
  { family: 'deserialization', modules: ['js-yaml'], methods: ['unsafeLoad', 'unsafeLoadAll'], args: [0] },
  { family: 'deserialization', modules: ['js-yaml'], methods: ['load', 'loadAll'], args: [0], when: fullSchema },
  { family: 'sql', modules: ['mysql', 'mysql2', 'pg', 'pg-pool', 'sequelize', 'typeorm', 'better-sqlite3', 'sqlite3', 'sqlite'], methods: ['query', 'execute', 'exec', 'prepare', 'all', 'get', 'run'], args: [0] },
  { family: 'sql', modules: ['knex'], methods: ['raw', 'whereRaw', 'orWhereRaw', 'havingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw'], args: [0] },
  { family: 'sql', modules: ['typeorm'], methods: ['where', 'andWhere', 'orWhere', 'having'], args: [0] },
  { family: 'sql', modules: ['@prisma/client'], methods: ['$queryRawUnsafe', '$executeRawUnsafe'], args: [0] },
  { family: 'sql', modules: ['*'], methods: ['query', 'execute', 'raw'], args: [0], when: sqlLike },
  { family: 'nosql', modules: ['mongodb', 'mongoose'], methods: MONGO_METHODS, args: [0], needsObject: true },
  { family: 'path', modules: ['fs', 'fs-extra', 'graceful-fs'], methods: FS_METHODS, args: [0] },
  { family: 'path', modules: ['fs', 'fs-extra', 'graceful-fs'], methods: FS_TWO_PATHS, args: [0, 1] },
  // Express responses (apps behind serverless-http): HTML written from input, redirects to input.
  { family: 'xss', modules: ['express-response'], methods: ['send', 'write', 'end'], args: [0], when: htmlLike },
  { family: 'redirect', modules: ['express-response'], methods: ['redirect', 'location'], args: [0, 1], safePrefix: FIXED_ORIGIN },
  { family: 'ssrf', modules: ['http', 'https'], methods: ['request', 'get'], args: [0], props: ['host', 'hostname', 'href'], safePrefix: FIXED_ORIGIN },
  { family: 'ssrf', modules: ['global', 'node-fetch', 'cross-fetch', 'undici'], methods: ['fetch', 'request', ''], args: [0], safePrefix: FIXED_ORIGIN },
  { family: 'ssrf', modules: ['axios', 'got', 'request', 'superagent', 'needle', 'ky'], methods: HTTP_VERBS, args: [0], props: ['url', 'baseURL', 'uri', 'prefixUrl'], safePrefix: FIXED_ORIGIN },
];

/** DynamoDB request properties that are expressions or raw filters: built from input, they change the query. */
export const DYNAMODB_EXPRESSION_PROPS: readonly string[] = [
  'FilterExpression', 'KeyConditionExpression', 'ConditionExpression', 'UpdateExpression', 'ProjectionExpression',
  'ScanFilter', 'QueryFilter', 'KeyConditions', 'Expected', 'Statement',
];

/** Mongo operator that runs JavaScript on the server. */
export const MONGO_WHERE = '$where';

export function findSinks(module: string | undefined, method: string, args: readonly Value[]): SinkSpec[] {
  return SINKS.filter((s) => s.methods.includes(method) && (module === undefined ? s.modules.includes('*') : s.modules.includes(module)) && (!s.when || s.when(args)));
}
