/**
 * Python handlers: `module.function` (dotted packages, or a path with slashes) → the file and the
 * function, and the modules of the same code folder it imports. Read as text with anchored
 * patterns: enough to find the handler and the files to check for secrets; the data-flow
 * analysis of Python is not done yet.
 */
import path from 'node:path';
import type { CodeFiles } from './module-graph.js';
import { escapeRegExp } from '../util/escape-regexp.js';

export const MAX_PYTHON_FILES = 300;

/** `pkg.module.handler` or `dir/module.handler` → module path `pkg/module`, function `handler`. */
export function splitPythonHandler(handler: string): { modulePath: string; functionName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  const functionName = handler.slice(dot + 1);
  if (!/^[A-Za-z_]\w*$/.test(functionName)) return undefined;
  const modulePath = handler.slice(0, dot).replace(/\./g, '/');
  return { modulePath, functionName };
}

/** The file of a module inside `dir`: `m.py` or the package's `m/__init__.py`. */
export function pythonModuleFile(files: CodeFiles, dir: string, modulePath: string): string | undefined {
  const base = path.posix.normalize(dir === '' ? modulePath : `${dir}/${modulePath}`);
  if (base.startsWith('../') || path.posix.isAbsolute(base)) return undefined;
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (files.exists(candidate)) return candidate;
  return undefined;
}

/** Whether the module defines the function at its top level (`def`, `async def`, or an assignment such as `handler = Mangum(app)`). */
export function definesFunction(text: string, name: string): boolean {
  const escaped = escapeRegExp(name);
  return new RegExp(`^(?:async[ \\t]+)?def[ \\t]+${escaped}[ \\t]*\\(|^${escaped}[ \\t]*(?::[^=\\n]*)?=(?!=)`, 'm').test(text);
}

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+([\w., \t()*]+)|import[ \t]+([\w., \t]+))/gm;

/** Modules of the code folder that `file` imports (absolute from the folder, or relative with dots). */
export function pythonImports(files: CodeFiles, dir: string, file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 1_000_000).matchAll(IMPORT_LINE)) {
    if (out.length > 100) break;
    const names = m[1] !== undefined ? [m[1], ...(m[2] ?? '').split(',').map((n) => `${m[1]}.${n.replace(/[()\s]|\bas\b.*$/g, '').trim()}`)] : (m[3] ?? '').split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!);
    for (const name of names) {
      const target = resolvePythonModule(files, dir, file, name);
      if (target && !out.includes(target)) out.push(target);
    }
  }
  return out;
}

function resolvePythonModule(files: CodeFiles, dir: string, file: string, name: string): string | undefined {
  if (!name || name.endsWith('.*')) return undefined;
  const dots = /^\.*/.exec(name)![0].length;
  const rest = name.slice(dots).replace(/\.$/, '');
  if (dots === 0) return rest ? pythonModuleFile(files, dir, rest.replace(/\./g, '/')) : undefined;
  let base = path.posix.dirname(file);
  for (let i = 1; i < dots; i++) base = path.posix.dirname(base);
  const rel = rest ? `${base}/${rest.replace(/\./g, '/')}` : base;
  return pythonModuleFile(files, '', path.posix.normalize(rel));
}

/** The handler's file and every module of its folder it reaches, bounded. */
export function pythonReachable(files: CodeFiles, dir: string, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0 && seen.size < MAX_PYTHON_FILES) {
    const file = queue.shift()!;
    const text = files.readText(file);
    if (text === undefined) continue;
    for (const target of pythonImports(files, dir, file, text)) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return [...seen];
}
