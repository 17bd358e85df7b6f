/**
 * Directives in the comments of function code: `//` and one-line block comments in JavaScript and
 * TypeScript, `#` in Python and in pip requirements files. Code is read line by line, without
 * parsing: a line is covered as a whole, and findings located on it (a data-flow finding is
 * located at its sink) are covered. A marker after an unclosed quote on its line is inside a
 * string, not a comment.
 */
import { lineBreakPattern } from '../code/line-breaks.js';
import { coveredLine } from './covered-line.js';
import type { Directive, DirectiveScope } from './directive.js';
import { inlineDirective, parseDirectiveText } from './directive-text.js';

/** How comments are written in a kind of file. */
interface CommentSyntax {
  /** Finds a comment opener followed by the marker; group 1 is the opener */
  directive: RegExp;
  isCommentOnly(line: string): boolean;
}

const SLASHES: CommentSyntax = {
  directive: /(\/\/|\/\*)\s*faasguard-ignore/,
  isCommentOnly: (line) => /^\s*(\/\/|\/\*|\*)/.test(line),
};

const HASH: CommentSyntax = {
  directive: /(#)\s*faasguard-ignore/,
  isCommentOnly: (line) => /^\s*#/.test(line),
};

const SLASH_FILE = /\.[cm]?[jt]sx?$/i;
const HASH_FILE = /\.py$|(?:^|\/)requirements[\w.-]*\.txt$/i;

/** True for the files whose comments may hold directives. */
export function isCodeFile(rel: string): boolean {
  return SLASH_FILE.test(rel) || HASH_FILE.test(rel);
}

export function codeDirectives(file: string, text: string): Directive[] {
  const syntax = SLASH_FILE.test(file) ? SLASHES : HASH_FILE.test(file) ? HASH : undefined;
  if (!syntax) return [];
  const lines = text.split(lineBreakPattern(file));
  const out: Directive[] = [];
  lines.forEach((line, index) => {
    const m = syntax.directive.exec(line);
    if (!m || insideString(line.slice(0, m.index))) return;
    const body = line.slice(m.index + m[1]!.length).replace(/\*\/\s*$/, '');
    const parsed = parseDirectiveText(body);
    if (!parsed) return;
    const trailing = line.slice(0, m.index).trim() !== '';
    const covered = coveredLine(lines, { index, trailing, nextLine: parsed.nextLine }, syntax.isCommentOnly);
    out.push(inlineDirective(parsed, { file, line: index + 1, column: m.index + 1 }, lineScope(file, lines, covered)));
  });
  return out;
}

function lineScope(file: string, lines: readonly string[], line: number): DirectiveScope {
  const text = (lines[line - 1] ?? '').trim();
  const description = line > lines.length ? 'the end of the file' : text === '' ? `the blank line ${line}` : `line ${line}`;
  return { file, startLine: line, endLine: line, description, anchor: text };
}

/** An odd number of one kind of quote before the marker: the marker is in a string. */
function insideString(before: string): boolean {
  const unescaped = before.replace(/\\./g, '');
  return ['"', "'", '`'].some((q) => unescaped.split(q).length % 2 === 0);
}
