/**
 * pip requirements files: pinned and unpinned requirements, environment markers,
 * extras, `--hash` options, URL and editable requirements, index options and
 * `-r` includes. Includes are followed only inside the project root, at most
 * MAX_INCLUDE_DEPTH deep, each file once (so cycles end).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Dependency, DependencyScope, Lockfile, ParseError, SourceKind } from '../types.js';
import { errorMessage, label, MAX_LOCKFILE_BYTES, normalizePyName, urlHost } from './common.js';
import { readRegularText, refusalMessage } from '../../files/read-regular-file.js';
import { directPath } from '../dependency-path.js';

export const MAX_INCLUDE_DEPTH = 10;
const MAX_FILES = 100;

export interface RequirementsOptions {
  /** Includes resolving outside this directory are refused. */
  projectRoot: string;
  /** Scope for every requirement; by default inferred from the file name (dev/test files are `dev`). */
  scope?: DependencyScope;
  /** The scan's exclusion, paths relative to `projectRoot`: an excluded include is not followed. */
  isExcluded?: (rel: string) => boolean;
}

/**
 * Files named like `requirements-dev.txt`, `dev-requirements.txt`, `requirements/test.txt` hold
 * development tools, and so do those of a folder named only for them (`tests/requirements.txt`,
 * `docs/requirements.txt`); a folder whose name merely holds such a word (`test-package-vulnerability/`,
 * a function's code) does not say so.
 */
export function scopeFromRequirementsName(file: string): DependencyScope {
  const name = path.basename(file, path.extname(file));
  const folder = path.basename(path.dirname(file));
  return DEV_NAME.test(name) || DEV_FOLDER.test(folder) ? 'dev' : 'prod';
}

const DEV_WORDS = 'dev|develop|development|test|tests|testing|lint|docs?|ci';
const DEV_NAME = new RegExp(`(^|[-_.])(${DEV_WORDS})([-_.]|$)`, 'i');
const DEV_FOLDER = new RegExp(`^(${DEV_WORDS})$`, 'i');

interface State {
  root: string;
  seen: Set<string>;
  result: Lockfile;
  forcedScope?: DependencyScope;
  isExcluded: (rel: string) => boolean;
}

export async function parseRequirementsFile(file: string, options: RequirementsOptions): Promise<Lockfile> {
  const result: Lockfile = { path: file, format: 'requirements-txt', ecosystem: 'PyPI', dependencies: [], errors: [], included: [], configuredIndexes: [] };
  let root: string;
  try {
    root = await realpath(options.projectRoot);
  } catch (e) {
    result.errors.push({ file, message: `project root unreadable: ${errorMessage(e)}` });
    return result;
  }
  try {
    await readOne(file, 0, { root, seen: new Set(), result, forcedScope: options.scope, isExcluded: options.isExcluded ?? (() => false) });
  } catch (e) {
    result.errors.push({ file, message: `could not be parsed: ${errorMessage(e)}` });
  }
  return result;
}

/** Parses requirements text that is already in memory; `-r` lines are reported, not followed. */
export function parseRequirementsText(text: string, file: string, scope: DependencyScope = scopeFromRequirementsName(file)): Lockfile {
  const result: Lockfile = { path: file, format: 'requirements-txt', ecosystem: 'PyPI', dependencies: [], errors: [], included: [], configuredIndexes: [] };
  for (const inc of parseLines(text, file, scope, result)) result.errors.push({ file, line: inc.line, message: `include "${inc.target}" not followed` });
  return result;
}

async function readOne(file: string, depth: number, st: State): Promise<void> {
  const { result } = st;
  let real: string;
  try {
    real = await realpath(file);
  } catch (e) {
    result.errors.push({ file, message: `cannot read: ${errorMessage(e)}` });
    return;
  }
  if (st.seen.has(real)) return;
  st.seen.add(real);
  if (depth > 0) result.included!.push(file);
  const read = readRegularText(real, MAX_LOCKFILE_BYTES);
  if (read.kind !== 'text') {
    result.errors.push(read.kind === 'too-large' ? { file, line: 1, message: `file is larger than ${MAX_LOCKFILE_BYTES} bytes; not parsed` } : { file, message: `cannot read: ${refusalMessage(read)}` });
    return;
  }
  const text = read.text;
  const includes = parseLines(text, file, st.forcedScope ?? scopeFromRequirementsName(file), result);
  for (const inc of includes) await follow(file, inc, depth, st);
}

async function follow(file: string, inc: Include, depth: number, st: State): Promise<void> {
  const err = (message: string): void => void st.result.errors.push({ file, line: inc.line, message });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(inc.target)) return err(`remote include "${inc.target}" not followed`);
  if (depth + 1 > MAX_INCLUDE_DEPTH) return err(`include "${inc.target}" deeper than ${MAX_INCLUDE_DEPTH} levels; not followed`);
  if (st.seen.size >= MAX_FILES) return err(`more than ${MAX_FILES} included files; "${inc.target}" not followed`);
  const target = path.resolve(path.dirname(file), inc.target);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return err(`included file "${inc.target}" not found`);
  }
  const rel = path.relative(st.root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return err(`include "${inc.target}" is outside the project root; not followed`);
  if (st.seen.has(real)) return;
  if (st.isExcluded(rel.split(path.sep).join('/'))) return err(`include "${inc.target}" is excluded from the scan; not followed`);
  await readOne(target, depth + 1, st);
}

interface Include {
  target: string;
  line: number;
}

/** Joins backslash continuations, keeping the first line number of each logical line. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let buf = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (buf === '') start = i + 1;
    if (raw.endsWith('\\')) {
      buf += raw.slice(0, -1) + ' ';
      return;
    }
    out.push({ text: buf + raw, line: start });
    buf = '';
  });
  if (buf) out.push({ text: buf, line: start });
  return out;
}

/** A `#` starts a comment at the line start or after whitespace (URL fragments have neither). */
function stripComment(s: string): string {
  const m = /(^|\s)#/.exec(s);
  return (m ? s.slice(0, m.index) : s).trim();
}

const INCLUDE_OPTS = new Set(['-r', '--requirement']);
const CONSTRAINT_OPTS = new Set(['-c', '--constraint']);
const INDEX_OPTS = new Set(['-i', '--index-url', '--extra-index-url']);
const EDITABLE_OPTS = new Set(['-e', '--editable']);

/** Parses one file's lines into `result`; returns the includes still to follow. */
function parseLines(text: string, file: string, scope: DependencyScope, result: Lockfile): Include[] {
  const includes: Include[] = [];
  for (const { text: rawLine, line } of logicalLines(text)) {
    const s = stripComment(rawLine);
    if (!s) continue;
    const opt = splitOption(s);
    if (opt) {
      if (INCLUDE_OPTS.has(opt.name)) includes.push({ target: opt.value, line });
      else if (INDEX_OPTS.has(opt.name)) result.configuredIndexes!.push(opt.value);
      else if (EDITABLE_OPTS.has(opt.name)) result.dependencies.push(urlRequirement(opt.value, file, line, scope, true));
      else if (!CONSTRAINT_OPTS.has(opt.name) && !opt.name.startsWith('-')) result.errors.push({ file, line, message: `unrecognised line` });
      continue;
    }
    const dep = requirement(s, file, line, scope, result);
    if (dep) result.dependencies.push(dep);
    else result.errors.push({ file, line, message: `cannot parse requirement "${s.slice(0, 80)}"` });
  }
  return includes;
}

/** `-r file`, `--requirement=file`, `--index-url URL`...; undefined for requirement lines. */
function splitOption(s: string): { name: string; value: string } | undefined {
  if (!s.startsWith('-')) return undefined;
  const m = /^(-[a-zA-Z]|--[a-z-]+)(?:[=\s]\s*(.*))?$/.exec(s);
  if (!m) return { name: s, value: '' };
  return { name: m[1]!, value: (m[2] ?? '').trim() };
}

/** PEP 508 name, extras, version specifiers or `@ url`, markers; trailing `--hash` options. */
function requirement(s: string, file: string, line: number, scope: DependencyScope, result: Lockfile): Dependency | undefined {
  const hashes: string[] = [];
  const body = s
    .replace(/--hash[=\s]\s*(\S+)/g, (_m, h: string) => {
      hashes.push(h);
      return '';
    })
    .replace(/\s--?[a-z][\w-]*(=\S+)?/g, '')
    .trim();
  const semi = body.indexOf(';');
  const spec = (semi < 0 ? body : body.slice(0, semi)).trim();
  if (/^(git\+|hg\+|svn\+|bzr\+|https?:|file:|\.{0,2}\/)/.test(spec)) return urlRequirement(spec, file, line, scope, false);
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(spec);
  if (!m) return undefined;
  const name = normalizePyName(m[1]!);
  const rest = m[3]!.trim();
  if (rest.startsWith('@')) return withName(urlRequirement(rest.slice(1).trim(), file, line, scope, false), name);
  const constraint = rest.replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '');
  const pinned = /^===?([^,*<>=!~]+)$/.exec(constraint);
  const dep: Dependency = {
    ecosystem: 'PyPI',
    name,
    version: pinned ? pinned[1] : undefined,
    scope,
    direct: true,
    path: directPath(label(name, pinned ? pinned[1] : undefined)),
    integrity: hashes.length ? hashes.join(' ') : undefined,
    source: 'registry',
    registryHost: indexHost(result),
    lockfile: file,
    line,
  };
  if (!pinned && constraint) dep.specifier = constraint;
  return dep;
}

/** The primary index configured so far, when it is not PyPI's. */
function indexHost(result: Lockfile): string | undefined {
  const primary = result.configuredIndexes?.[0];
  return primary ? urlHost(primary) : undefined;
}

function withName(dep: Dependency, name: string): Dependency {
  return { ...dep, name, path: directPath(name) };
}

/** Requirements given as a VCS URL, archive URL or local path. */
function urlRequirement(target: string, file: string, line: number, scope: DependencyScope, editable: boolean): Dependency {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(target);
  const name = normalizePyName(egg?.[1] ?? guessNameFromTarget(target));
  return {
    ecosystem: 'PyPI',
    name,
    version: undefined,
    specifier: editable ? `-e ${target}` : target,
    scope,
    direct: true,
    path: directPath(name),
    resolved: target,
    source: sourceOfTarget(target),
    lockfile: file,
    line,
  };
}

function sourceOfTarget(t: string): SourceKind {
  if (/^(git|hg|svn|bzr)\+/.test(t) || /\.git(@|#|$)/.test(t)) return 'git';
  if (/^https?:/.test(t)) return 'tarball';
  return 'path';
}

/** Last path segment without archive extension and version: `pkg-1.0.tar.gz` → `pkg`. */
function guessNameFromTarget(t: string): string {
  const seg = t.split(/[#?]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? t;
  return seg.replace(/\.(tar\.gz|zip|whl|tgz|tar\.bz2|git)$/, '').replace(/-\d.*$/, '') || t;
}
