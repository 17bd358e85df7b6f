/**
 * faasguard writes SARIF locations relative to the scanned directory (`%SRCROOT%`); GitHub code
 * scanning reads them relative to the repository root and does not resolve `%SRCROOT%`. When the
 * action scans a folder of the repository, its locations get that folder's path in front.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

const SRCROOT = '%SRCROOT%';

/**
 * The scanned directory relative to the repository (`infra/`, with a slash), '' for the root
 * itself, undefined when it is outside the repository (nothing can be done then).
 */
export function scanRootInRepo(target, workspace) {
  const absolute = path.resolve(workspace, target);
  const root = isFile(absolute) ? path.dirname(absolute) : absolute;
  const rel = path.relative(path.resolve(workspace), root);
  if (rel === '') return '';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return `${rel.split(path.sep).map(encodeURIComponent).join('/')}/`;
}

/** Every location against `%SRCROOT%` in `log` made relative to the repository root instead. */
export function rebaseSarif(log, prefix) {
  if (prefix === '') return log;
  for (const run of log.runs ?? []) {
    visit(run, (node) => {
      if (node.uriBaseId === SRCROOT && typeof node.uri === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(node.uri)) node.uri = `${prefix}${node.uri}`;
    });
    const base = run.originalUriBaseIds?.[SRCROOT];
    if (base) base.description = { text: `The repository root (faasguard scanned ${decodeURIComponent(prefix)})` };
  }
  return log;
}

function visit(node, onObject) {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onObject);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  onObject(node);
  for (const value of Object.values(node)) visit(value, onObject);
}

/** A file target is scanned in its folder, as faasguard does. */
function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
