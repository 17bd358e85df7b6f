/**
 * Inline code of a template (SAM `InlineCode`, CloudFormation `Code.ZipFile`) analyzed like a
 * file: parsed under a key of its own, with positions mapped back into the template so that
 * findings point at the template's lines. A block scalar (`|`, also under `!Sub`) keeps its lines;
 * a quoted string puts everything on its one line; code joined from pieces (`Fn::Join`) starts at
 * its `ZipFile` key and every position maps there (see `loaders/cloudformation/inline-code-text.ts`).
 */
import type { LambdaFunction } from '../model/app-model.js';
import type { CodeFiles } from './module-graph.js';
import { parseJs, type PositionMap } from './parse-js.js';

/** The key inline code of a function is registered under. */
export function inlineKey(fn: LambdaFunction): string {
  return `${fn.code.loc?.file ?? fn.loc.file}#${fn.logicalId}`;
}

/** Registers a function's inline code (parsed now for Node.js, when analyzed for Python); returns its key. */
export function registerInlineCode(fn: LambdaFunction, files: CodeFiles, python: boolean): string | undefined {
  const code = fn.code;
  if (code.kind !== 'inline' || code.inline === undefined || !code.loc) return undefined;
  const template = files.readText(code.loc.file);
  const key = inlineKey(fn);
  const position = positionMap(template, code.loc.line, code.loc.column);
  if (python) files.registerVirtualText(key, { file: code.loc.file, text: code.inline, position });
  else files.registerVirtual(key, parseJs(code.loc.file, code.inline, position));
  return key;
}

function positionMap(template: string | undefined, line: number, column: number): PositionMap {
  const lines = template?.split('\n') ?? [];
  const header = (lines[line - 1] ?? '').slice(Math.max(0, column - 1));
  if (/^[|>]/.test(header.trim())) {
    const indent = /^\s*/.exec(lines[line] ?? '')![0].length;
    return (l, c) => ({ line: line + l, column: c + indent });
  }
  const quote = header.search(/["']/);
  const start = quote >= 0 ? column + quote + 1 : column;
  return (l, c) => (l === 1 ? { line, column: start + c - 1 } : { line, column: start });
}
