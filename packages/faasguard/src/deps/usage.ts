/**
 * Declared versus imported packages for one function. Every production dependency that
 * the function's code never imports is attack surface with no use; every import that no
 * manifest declares works only by accident (hoisting, a transitive install, a layer).
 * The import specifiers are computed by the code analysis and passed in.
 */
import { builtinModules } from 'node:module';
import type { Ecosystem, ManifestDeps } from './types.js';
import { normalizePyName } from './lockfiles/common.js';
import { isPeerOfDeclared } from './peer-dependencies.js';
import { lookupTable, ownValue } from '../util/own-keys.js';

export interface UsageInput {
  ecosystem: Ecosystem;
  /**
   * Module specifiers the function's code imports or requires, as written:
   * JS `lodash/fp`, `@aws-sdk/client-s3`, `node:fs`, `./util`; Python `yaml`, `os.path`, `.sibling`.
   */
  imports: Iterable<string>;
  /** Imports of code that is not deployed (tests, build configuration, type-only imports): they use a package but never need it declared for production */
  buildOnlyImports?: Iterable<string>;
  manifest: ManifestDeps;
  /** Packages the runtime supplies; defaults per ecosystem (see RUNTIME_PROVIDED). `@scope/*` globs allowed. */
  runtimeProvided?: string[];
  /** Python: the function's own top-level modules and packages, which are not dependencies. */
  localModules?: string[];
  /** Extra distribution → import-name mappings, merged over PYTHON_IMPORT_NAMES. */
  importNames?: Record<string, string[]>;
}

export interface UnusedDependency {
  name: string;
  group: 'dependencies' | 'optionalDependencies';
}

export interface UndeclaredImport {
  specifier: string;
  /** The package the import needs (npm name, or the likely PyPI distribution). */
  name: string;
  /** Some Lambda runtime provides it, but not the one running this code (the AWS SDK of the other Node.js generation) */
  notInRuntime?: boolean;
}

export interface UsageResult {
  /** Declared for production but never imported. */
  unused: UnusedDependency[];
  /** Imported but declared nowhere. */
  undeclared: UndeclaredImport[];
  /** Imported by the function but declared only as a development dependency, so not deployed. */
  devOnly: UndeclaredImport[];
}

/**
 * What the AWS Lambda runtimes already contain: the AWS SDK (v2 on Node ≤16, v3 on
 * Node ≥18) and boto3/botocore on Python. Importing them without declaring them is normal.
 */
export const RUNTIME_PROVIDED: Record<Ecosystem, string[]> = {
  npm: ['aws-sdk', '@aws-sdk/*', '@smithy/*'],
  // boto3 comes with what it needs: botocore's urllib3, python-dateutil and six among them. pip is
  // installed beside the interpreter (code may call it to install into /tmp at run time).
  PyPI: ['boto3', 'botocore', 's3transfer', 'jmespath', 'urllib3', 'python-dateutil', 'six', 'awslambdaric', 'pip'],
};

/** The AWS SDK of the Node.js runtimes: v3 from nodejs18.x on, v2 before. */
const NODE_SDK_V3 = ['@aws-sdk/*', '@smithy/*'];
const NODE_SDK_V2 = ['aws-sdk'];

/**
 * What the given Lambda runtimes all provide (`nodejs20.x`, `python3.12` …): a package counts
 * only when every runtime that runs the code has it. An unknown runtime provides whatever any
 * Lambda runtime does, so that nothing is reported on a guess.
 */
export function runtimeProvidedFor(ecosystem: Ecosystem, runtimes: readonly (string | undefined)[]): string[] {
  if (ecosystem === 'PyPI') return RUNTIME_PROVIDED.PyPI;
  const node = runtimes.map((r) => /^nodejs(\d+)/.exec(r ?? '')?.[1]);
  if (node.length === 0 || node.some((v) => v === undefined)) return RUNTIME_PROVIDED.npm;
  const v3 = node.every((v) => Number(v) >= 18);
  const v2 = node.every((v) => Number(v) < 18);
  return v3 ? NODE_SDK_V3 : v2 ? NODE_SDK_V2 : [];
}

/**
 * PyPI distributions whose import name differs from the normalised distribution name.
 * Dotted names match that module and its submodules. The default for any other
 * distribution is its name with `-` replaced by `_`.
 */
export const PYTHON_IMPORT_NAMES: Record<string, string[]> = lookupTable({
  pyyaml: ['yaml'],
  'beautifulsoup4': ['bs4'],
  pillow: ['PIL'],
  'scikit-learn': ['sklearn'],
  'scikit-image': ['skimage'],
  'python-dateutil': ['dateutil'],
  'opencv-python': ['cv2'],
  'opencv-python-headless': ['cv2'],
  protobuf: ['google.protobuf'],
  'psycopg2-binary': ['psycopg2'],
  pyjwt: ['jwt'],
  'python-jose': ['jose'],
  attrs: ['attr', 'attrs'],
  pycryptodome: ['Crypto'],
  pycryptodomex: ['Cryptodome'],
  'python-dotenv': ['dotenv'],
  setuptools: ['setuptools', 'pkg_resources'],
  mysqlclient: ['MySQLdb'],
  'python-multipart': ['multipart', 'python_multipart'],
  dnspython: ['dns'],
  pyopenssl: ['OpenSSL'],
  pyserial: ['serial'],
  'python-magic': ['magic'],
  'ruamel-yaml': ['ruamel.yaml'],
  'google-api-python-client': ['googleapiclient'],
  grpcio: ['grpc'],
  pyzmq: ['zmq'],
  'websocket-client': ['websocket'],
  'python-json-logger': ['pythonjsonlogger'],
  'opensearch-py': ['opensearchpy'],
  pymongo: ['pymongo', 'bson', 'gridfs'],
  'msgpack-python': ['msgpack'],
  'faiss-cpu': ['faiss'],
  'tensorflow-cpu': ['tensorflow'],
  'typing-extensions': ['typing_extensions'],
  'email-validator': ['email_validator'],
  'aws-xray-sdk': ['aws_xray_sdk'],
  'pyhumps': ['humps'],
  'pysaml2': ['saml2'],
  'aurora-dsql-python-connector': ['aurora_dsql_psycopg', 'aurora_dsql_psycopg2', 'aurora_dsql_asyncpg'],
  'strands-agents': ['strands'],
});

/** Python standard-library top-level modules (3.8-3.13); never dependencies. */
const PY_STDLIB = new Set(
  ('__future__ abc aifc argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 ' +
    'cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser ' +
    'contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest ' +
    'email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc getopt ' +
    'getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib imghdr imp importlib inspect io ipaddress ' +
    'itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder ' +
    'msvcrt multiprocessing netrc nis nntplib ntpath numbers opcode operator optparse os ossaudiodev pathlib pdb pickle ' +
    'pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc ' +
    'queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil ' +
    'signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics ' +
    'string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios ' +
    'textwrap threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle types typing ' +
    'unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc ' +
    'zipapp zipfile zipimport zlib zoneinfo _thread').split(' '),
);

const NODE_BUILTINS = new Set(builtinModules);

/** npm package named by an import specifier; undefined for relative, absolute, builtin and URL specifiers. */
export function npmPackageName(spec: string): string | undefined {
  const s = spec.trim();
  if (!s || s.startsWith('.') || s.startsWith('/') || s.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(s)) return undefined;
  const parts = s.split('/');
  const name = s.startsWith('@') ? (parts.length >= 2 && parts[1] ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
  if (!name || NODE_BUILTINS.has(name) || NODE_BUILTINS.has(s)) return undefined;
  return name;
}

function matchesGlob(name: string, patterns: string[]): boolean {
  return patterns.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

export function checkUsage(input: UsageInput): UsageResult {
  return input.ecosystem === 'npm' ? checkNpm(input) : checkPython(input);
}

function checkNpm(input: UsageInput): UsageResult {
  const m = input.manifest;
  const provided = input.runtimeProvided ?? RUNTIME_PROVIDED.npm;
  const runtime = new Set([...Object.keys(m.dependencies), ...Object.keys(m.optionalDependencies), ...Object.keys(m.peerDependencies ?? {})]);
  const used = new Set<string>();
  const res: UsageResult = { unused: [], undeclared: [], devOnly: [] };
  const reported = new Set<string>();
  for (const spec of input.imports) {
    const name = npmPackageName(spec);
    if (!name) continue;
    used.add(name);
    if (runtime.has(name) || reported.has(name)) continue;
    reported.add(name);
    if (name in m.devDependencies) res.devOnly.push({ specifier: spec, name });
    else if (!matchesGlob(name, provided)) res.undeclared.push({ specifier: spec, name, ...(matchesGlob(name, RUNTIME_PROVIDED.npm) ? { notInRuntime: true } : {}) });
  }
  for (const spec of input.buildOnlyImports ?? []) {
    const name = npmPackageName(spec);
    if (name) used.add(name);
  }
  const declared = declaredNames(m);
  res.unused = unusedOf(m, (n) => used.has(n) || isPeerOfDeclared(n, 'npm', declared));
  return res;
}

function declaredNames(m: ManifestDeps): string[] {
  return [...Object.keys(m.dependencies), ...Object.keys(m.optionalDependencies), ...Object.keys(m.peerDependencies ?? {}), ...Object.keys(m.devDependencies)];
}

function unusedOf(m: ManifestDeps, isUsed: (name: string) => boolean): UnusedDependency[] {
  const out: UnusedDependency[] = [];
  for (const group of ['dependencies', 'optionalDependencies'] as const) {
    for (const name of Object.keys(m[group]).sort()) if (!isUsed(name)) out.push({ name, group });
  }
  return out;
}

/** Import names a distribution provides. */
function importNamesOf(dist: string, extra: Record<string, string[]>): string[] {
  const d = normalizePyName(dist);
  const table = ownEntry(extra, d) ?? ownEntry(PYTHON_IMPORT_NAMES, d);
  if (table) return table;
  // google-cloud-storage → google.cloud.storage, azure-storage-blob → azure.storage.blob
  const ns = /^(google-cloud|azure)-(.+)$/.exec(d);
  if (ns) return [`${ns[1]!.replace('-', '.')}.${ns[2]!.replace(/-/g, '.')}`, `${ns[1]!.replace('-', '.')}.${ns[2]!.replace(/-/g, '_')}`];
  return [d.replace(/-/g, '_')];
}

/** A table's own entry: a distribution named `constructor` is not `Object.prototype.constructor`. */
function ownEntry<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function provides(names: string[], spec: string): boolean {
  const s = spec.toLowerCase();
  return names.some((n) => {
    const l = n.toLowerCase();
    return s === l || s.startsWith(l + '.');
  });
}

function checkPython(input: UsageInput): UsageResult {
  const m = input.manifest;
  const extra = Object.fromEntries(Object.entries(input.importNames ?? {}).map(([k, v]) => [normalizePyName(k), v]));
  const provided = (input.runtimeProvided ?? RUNTIME_PROVIDED.PyPI).map(normalizePyName);
  const local = new Set((input.localModules ?? []).map((x) => x.toLowerCase()));
  const groups = {
    runtime: [...Object.keys(m.dependencies), ...Object.keys(m.optionalDependencies)],
    dev: Object.keys(m.devDependencies),
  };
  const namesOf = new Map([...groups.runtime, ...groups.dev, ...provided].map((d) => [d, importNamesOf(d, extra)]));
  const used = new Set<string>();
  const res: UsageResult = { unused: [], undeclared: [], devOnly: [] };
  const reported = new Set<string>();
  for (const spec of input.imports) {
    const s = spec.trim();
    const top = s.split('.')[0]!;
    if (!s || s.startsWith('.') || PY_STDLIB.has(top) || local.has(top.toLowerCase())) continue;
    const owners = [...namesOf].filter(([, names]) => provides(names, s)).map(([d]) => d);
    owners.forEach((o) => used.add(o));
    if (owners.some((o) => groups.runtime.includes(o) || provided.includes(o)) || reported.has(top)) continue;
    reported.add(top);
    const entry = { specifier: s, name: guessDistribution(top) };
    if (owners.length > 0) res.devOnly.push({ ...entry, name: owners[0]! });
    else res.undeclared.push(entry);
  }
  for (const spec of input.buildOnlyImports ?? []) {
    for (const [d, names] of namesOf) if (provides(names, spec.trim())) used.add(d);
  }
  const declared = declaredNames(m);
  res.unused = unusedOf(m, (n) => used.has(n) || isPeerOfDeclared(n, 'PyPI', declared));
  return res;
}

/** Reverse lookup in the table, else the import name itself as a distribution name. */
function guessDistribution(top: string): string {
  for (const [dist, names] of Object.entries(PYTHON_IMPORT_NAMES)) if (names.some((n) => n.split('.')[0] === top)) return dist;
  return normalizePyName(top);
}
