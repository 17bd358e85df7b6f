/**
 * Sanitizers as data, per language: calls whose result carries no attacker data for some sink
 * families (`all`: for every family). Modules and members are named as in the sink rows
 * (`sink-row.ts`); a member `*` is any function of the module, `''` the module itself.
 */
import type { SinkFamily } from '../types.js';
import type { ModelLanguage } from './sink-row.js';

export interface SanitizerRow {
  modules: readonly string[];
  members: readonly string[];
  families: readonly SinkFamily[] | 'all';
}

/** What URL encoding makes safe: the data can no longer break out of a path segment or an attribute. */
const URL_SAFE: readonly SinkFamily[] = ['command', 'path', 'ssrf', 'xss', 'redirect', 'log-forging'];
/**
 * What a file name without its folders is safe for: it cannot climb out of the folder it is joined
 * to, nor add a word to a command line (`path.basename`, `os.path.basename`, the part after the last
 * `/` that the evaluators recognise in `key.split('/')`).
 */
export const FILE_NAME_SAFE: readonly SinkFamily[] = ['path', 'command'];
/** What quoting as JSON or as a literal makes safe: a line break becomes `\\n`. */
const LOG_SAFE: readonly SinkFamily[] = ['log-forging'];

export const SANITIZERS: Readonly<Record<ModelLanguage, readonly SanitizerRow[]>> = {
  javascript: [
    { modules: ['global'], members: ['Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'isFinite', 'BigInt'], families: 'all' },
    { modules: ['global'], members: ['encodeURIComponent', 'escape'], families: URL_SAFE },
    { modules: ['global'], members: ['encodeURI'], families: ['xss'] },
    { modules: ['global'], members: ['String'], families: ['nosql'] },
    { modules: ['Math', 'crypto', 'uuid'], members: ['*'], families: 'all' },
    { modules: ['path'], members: ['basename', 'extname'], families: FILE_NAME_SAFE },
    { modules: ['zod'], members: ['parse', 'parseAsync', 'safeParse', 'safeParseAsync'], families: 'all' },
    { modules: ['joi', '@hapi/joi'], members: ['validate', 'validateAsync', 'attempt'], families: 'all' },
    { modules: ['yup'], members: ['validate', 'validateSync', 'cast'], families: 'all' },
    { modules: ['superstruct'], members: ['create', 'mask'], families: 'all' },
    { modules: ['shell-quote'], members: ['quote'], families: ['command'] },
    { modules: ['shell-escape', 'any-shell-escape'], members: [''], families: ['command'] },
    { modules: ['shescape'], members: ['quote', 'quoteAll', 'escape', 'escapeAll'], families: ['command'] },
    { modules: ['mysql', 'mysql2', 'sqlstring'], members: ['escape', 'escapeId', 'format'], families: ['sql'] },
    { modules: ['pg'], members: ['escapeLiteral', 'escapeIdentifier'], families: ['sql'] },
    { modules: ['pg-format'], members: ['', 'literal', 'ident'], families: ['sql'] },
    { modules: ['escape-html', 'sanitize-html', 'xss'], members: [''], families: ['xss'] },
    { modules: ['he'], members: ['encode', 'escape'], families: ['xss'] },
    { modules: ['lodash', 'underscore'], members: ['escape'], families: ['xss'] },
    { modules: ['dompurify', 'isomorphic-dompurify'], members: ['sanitize'], families: ['xss'] },
    { modules: ['validator'], members: ['escape'], families: ['xss'] },
    { modules: ['lodash', 'lodash.escaperegexp'], members: ['escapeRegExp', ''], families: ['regex'] },
    { modules: ['escape-string-regexp'], members: [''], families: ['regex'] },
    { modules: ['validator'], members: ['toInt', 'toFloat', 'toBoolean', 'toDate'], families: 'all' },
    { modules: ['ldap-escape'], members: ['filter', 'dn'], families: ['ldap'] },
    { modules: ['ldapjs'], members: ['escapeFilter'], families: ['ldap'] },
    { modules: ['JSON'], members: ['stringify'], families: LOG_SAFE },
    { modules: ['util'], members: ['inspect'], families: LOG_SAFE },
  ],
  python: [
    { modules: ['builtins'], members: ['int', 'float', 'bool', 'len', 'abs', 'round', 'hash', 'isinstance'], families: 'all' },
    { modules: ['uuid'], members: ['UUID', 'uuid4', 'uuid1'], families: 'all' },
    { modules: ['hashlib', 'hmac', 'secrets', 'math', 'datetime', 'decimal'], members: ['*'], families: 'all' },
    { modules: ['builtins'], members: ['str'], families: ['nosql'] },
    { modules: ['shlex'], members: ['quote', 'join'], families: ['command'] },
    { modules: ['os'], members: ['basename'], families: FILE_NAME_SAFE },
    { modules: ['html', 'markupsafe', 'bleach'], members: ['escape', 'clean'], families: ['xss'] },
    { modules: ['re', 'regex'], members: ['escape'], families: ['regex'] },
    { modules: ['urllib'], members: ['quote', 'quote_plus', 'urlencode'], families: URL_SAFE },
    { modules: ['pydantic'], members: ['model_validate', 'parse_obj', 'model_validate_json', 'parse_raw'], families: 'all' },
    { modules: ['marshmallow'], members: ['load', 'loads'], families: 'all' },
    { modules: ['ldap', 'ldap3'], members: ['escape_filter_chars', 'escape_dn_chars', 'escape_rdn'], families: ['ldap'] },
    { modules: ['json'], members: ['dumps'], families: LOG_SAFE },
    { modules: ['builtins'], members: ['repr', 'ascii'], families: LOG_SAFE },
  ],
};

export function findSanitizerRow(language: ModelLanguage, module: string | undefined, member: string): SanitizerRow | undefined {
  if (module === undefined) return undefined;
  return SANITIZERS[language].find((s) => s.modules.includes(module) && (s.members.includes(member) || s.members.includes('*')));
}
