/**
 * From a function of the model to the file and export Lambda will run: the code location (SAM
 * `CodeUri`, a local `Code` path), the runtime and the handler string. Node.js handlers are
 * `path/to/module.export` where the module is tried with every JavaScript and TypeScript
 * extension (TypeScript built by esbuild keeps the source name: `app.handler` is `app.ts`).
 * When it cannot be found, the reason says why. Never leaves the scan root.
 */
import path from 'node:path';
import type { LambdaFunction } from '../model/app-model.js';
import { asString } from '../model/value.js';
import type { CodeFiles } from './module-graph.js';
import { inlineKey } from './inline-code.js';
import { CODE_EXTENSIONS } from './parse-js.js';
import { definesFunction, pythonModuleFile, splitPythonHandler } from './python-modules.js';

export type HandlerLanguage = 'node' | 'python';

export type HandlerResolution =
  /** `webApp`: the export is a web application a plugin serves (`FunctionCode.webApp`): its routes are the handlers. */
  | { ok: true; language: HandlerLanguage; file: string; exportName: string; handler: string; webApp?: boolean }
  /** `codeAbsent`: the code is not in the scanned directory at all (S3, an image, a folder not checked out or not built), as opposed to present but not understood. */
  | { ok: false; language?: HandlerLanguage; reason: string; codeAbsent?: boolean };

/** Build output folders whose sources usually sit beside them. */
const BUILD_DIRS = ['dist', 'build', 'out', 'lib', '.build'];

export function resolveHandler(fn: LambdaFunction, files: CodeFiles): HandlerResolution {
  const found = findHandler(fn, files);
  if (found.ok) return found;
  // A code folder that exists without the handler's file is a mistake worth a warning; no folder
  // (or the root, when a template is scanned without its code) means the code lives elsewhere.
  const dir = codeDir(fn);
  const present = typeof dir === 'string' ? dir !== '' && files.dirExists(dir) : fn.code.kind === 'inline';
  return present ? found : { ...found, codeAbsent: true };
}

function findHandler(fn: LambdaFunction, files: CodeFiles): HandlerResolution {
  const runtime = asString(fn.runtime);
  const handler = asString(fn.handler);
  const language = languageOf(runtime);
  if (runtime !== undefined && !language) return { ok: false, reason: `runtime ${runtime} is not analyzed` };
  if (!handler) return { ok: false, ...(language ? { language } : {}), reason: 'the handler is not set or not a constant string' };
  if (fn.code.kind === 'inline' && files.exists(inlineKey(fn))) return inlineHandler(inlineKey(fn), handler, language ?? 'node', files);
  const dir = codeDir(fn);
  if (typeof dir !== 'string') return { ok: false, language: language ?? 'node', reason: dir.reason };
  if (language === 'python') return resolvePython(dir, handler, files, fn.code.webApp);
  return fromEntryPoints(dir, handler, fn.code.entryPoints ?? [], files) ?? resolveNode(dir, handler, files);
}

/**
 * The file CloudFormation and SAM save inline code as (`index.js`, `index.py`): the handler must
 * name it. A handler naming another module fails on every call with the inline code, so the code
 * that runs is put there outside the template (a script updates it) and is not what it shows.
 */
const INLINE_MODULE = 'index';

function otherModule(module: string): string {
  return `the handler names module ${module}, but inline code is saved as ${INLINE_MODULE}: the code that runs is deployed outside the template`;
}

function inlineHandler(key: string, handler: string, language: HandlerLanguage, files: CodeFiles): HandlerResolution {
  if (language === 'python') {
    const split = splitPythonHandler(handler);
    if (!split) return { ok: false, language, reason: `handler "${handler}" is not of the form module.function` };
    if (split.modulePath !== INLINE_MODULE) return { ok: false, language, reason: otherModule(split.modulePath.replace(/\//g, '.')) };
    if (!definesFunction(files.readText(key) ?? '', split.functionName)) return { ok: false, language, reason: `the inline code does not define ${split.functionName}` };
    return { ok: true, language, file: key, exportName: split.functionName, handler };
  }
  const split = splitNodeHandler(handler);
  if (!split) return { ok: false, language, reason: `handler "${handler}" is not of the form file.export` };
  if (split.module !== INLINE_MODULE) return { ok: false, language, reason: otherModule(split.module) };
  return { ok: true, language, file: key, exportName: split.exportName, handler };
}

/** esbuild names its output after the entry point: `src/create.ts` becomes `create.js`, which the handler names. */
function fromEntryPoints(dir: string, handler: string, entryPoints: readonly string[], files: CodeFiles): HandlerResolution | undefined {
  const split = splitNodeHandler(handler);
  if (!split) return undefined;
  const wanted = path.posix.basename(split.module);
  for (const entry of entryPoints.slice(0, 50)) {
    const file = path.posix.normalize(dir === '' ? entry : `${dir}/${entry}`);
    if (file.startsWith('../') || path.posix.isAbsolute(file)) continue;
    if (path.posix.basename(file).replace(/\.[^.]+$/, '') === wanted && files.exists(file)) return { ok: true, language: 'node', file, exportName: split.exportName, handler };
  }
  return undefined;
}

function languageOf(runtime: string | undefined): HandlerLanguage | undefined {
  if (runtime === undefined || /^nodejs/i.test(runtime)) return 'node';
  if (/^python/i.test(runtime)) return 'python';
  return undefined;
}

function codeDir(fn: LambdaFunction): string | { reason: string } {
  const code = fn.code;
  if (code.kind === 'path' && code.path !== undefined) return code.path === '.' ? '' : code.path;
  const reasons: Record<string, string> = {
    inline: 'the inline code could not be read',
    s3: 'the code is in S3, not in the scanned directory',
    archive: 'the code is a packed archive (.zip or .jar), which is not unpacked; scan its source folder',
    image: 'the function is a container image',
    unknown: 'the code location is unknown (not a local path)',
  };
  return { reason: reasons[code.kind] ?? 'the code location is unknown' };
}

function resolvePython(dir: string, handler: string, files: CodeFiles, webApp?: string): HandlerResolution {
  const split = splitPythonHandler(handler);
  if (!split) return { ok: false, language: 'python', reason: `handler "${handler}" is not of the form module.function` };
  const file = pythonModuleFile(files, dir, split.modulePath);
  if (!file && webApp) return resolveWebApp(dir, handler, webApp, files);
  const where = dir === '' ? split.modulePath : `${dir}/${split.modulePath}`;
  if (!file) return { ok: false, language: 'python', reason: `no file ${where}.py or ${where}/__init__.py in the scanned directory` };
  const text = files.readText(file) ?? '';
  if (!definesFunction(text, split.functionName)) return { ok: false, language: 'python', reason: `${file} does not define ${split.functionName}` };
  return { ok: true, language: 'python', file, exportName: split.functionName, handler };
}

/** The application a plugin-generated handler serves: `app.app` → the module `app` and its `app`. */
function resolveWebApp(dir: string, handler: string, webApp: string, files: CodeFiles): HandlerResolution {
  const split = splitPythonHandler(webApp);
  const file = split ? pythonModuleFile(files, dir, split.modulePath) : undefined;
  if (!split || !file) return { ok: false, language: 'python', reason: `the application ${webApp} that ${handler} serves is not in the scanned directory` };
  if (!definesFunction(files.readText(file) ?? '', split.functionName)) return { ok: false, language: 'python', reason: `${file} does not define ${split.functionName}` };
  return { ok: true, language: 'python', file, exportName: split.functionName, handler, webApp: true };
}

/** `src/handlers/app.handler` → module `src/handlers/app`, export `handler`. */
export function splitNodeHandler(handler: string): { module: string; exportName: string } | undefined {
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  if (dot <= slash + 1 || dot === handler.length - 1) return undefined;
  return { module: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

function resolveNode(dir: string, handler: string, files: CodeFiles): HandlerResolution {
  const split = splitNodeHandler(handler);
  if (!split) return { ok: false, language: 'node', reason: `handler "${handler}" is not of the form file.export` };
  for (const base of baseCandidates(dir, split.module)) {
    if (base.startsWith('../') || path.posix.isAbsolute(base)) continue;
    for (const ext of CODE_EXTENSIONS) {
      if (files.exists(base + ext)) return { ok: true, language: 'node', file: base + ext, exportName: split.exportName, handler };
    }
  }
  const where = dir === '' ? split.module : `${dir}/${split.module}`;
  if (baseCandidates(dir, split.module).every((b) => b.startsWith('../'))) return { ok: false, language: 'node', reason: `handler "${handler}" points outside the scanned directory` };
  return { ok: false, language: 'node', reason: `no file ${where}{${CODE_EXTENSIONS.join(',')}} in the scanned directory` };
}

/** The module in the code folder, then the same path in a source folder when the code folder is a build output. */
function baseCandidates(dir: string, module: string): string[] {
  const direct = path.posix.normalize(dir === '' ? module : `${dir}/${module}`);
  const out = [direct];
  const parts = dir.split('/');
  const last = parts[parts.length - 1] ?? '';
  if (BUILD_DIRS.includes(last)) out.push(path.posix.normalize([...parts.slice(0, -1), 'src', module].filter(Boolean).join('/')));
  return out;
}
