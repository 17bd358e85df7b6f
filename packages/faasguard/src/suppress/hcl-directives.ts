/**
 * Directives in the comments of Terraform files (`#`, `//` and one-line `/* *\/`). Comments are
 * the parser's comment nodes, so a `#` inside a string or a heredoc is never taken for one. The
 * covered line is found as for YAML (`covered-line.ts`); what starts on that line is covered whole:
 * a block (a resource, a nested block) or an attribute, with everything nested in it.
 */
import { parseTerraform, type HclNode } from '../loaders/terraform/parse-terraform.js';
import { coveredLine } from './covered-line.js';
import type { Directive, DirectiveScope } from './directive.js';
import { inlineDirective, parseDirectiveText } from './directive-text.js';

export function isTerraformSource(file: string): boolean {
  return /\.tf$/i.test(file);
}

/** The directives of one `.tf` file; none when the Terraform parser is not loaded (the file was then not scanned). */
export function hclDirectives(file: string, text: string): Directive[] {
  const parsed = parseTerraform(file, text);
  if (!parsed) return [];
  try {
    const lines = text.split('\n');
    const out: Directive[] = [];
    for (const c of commentsOf(parsed.root)) {
      const body = c.text.replace(/^(#|\/\/|\/\*)/, '').replace(/\*\/\s*$/, '');
      const directive = parseDirectiveText(body);
      if (!directive) continue;
      const { row, column } = c.startPosition;
      const trailing = (lines[row] ?? '').slice(0, column).trim() !== '';
      const covered = coveredLine(lines, { index: row, trailing, nextLine: directive.nextLine }, isCommentOnly);
      out.push(inlineDirective(directive, { file, line: row + 1, column: column + 1 }, scopeAt(file, lines, parsed.root, covered)));
    }
    return out;
  } finally {
    parsed.dispose();
  }
}

function isCommentOnly(line: string): boolean {
  return /^\s*(#|\/\/|\/\*)/.test(line);
}

function commentsOf(root: HclNode): HclNode[] {
  const out: HclNode[] = [];
  const visit = (n: HclNode): void => {
    if (n.type === 'comment') out.push(n);
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(root);
  return out;
}

/** The largest block or attribute that starts on `line` (1-based). */
function scopeAt(file: string, lines: readonly string[], root: HclNode, line: number): DirectiveScope {
  let best: HclNode | undefined;
  const visit = (n: HclNode): void => {
    if ((n.type === 'block' || n.type === 'attribute') && n.startPosition.row + 1 === line && (!best || n.endPosition.row > best.endPosition.row)) best = n;
    if (n.startPosition.row + 1 <= line && n.endPosition.row + 1 >= line) for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(root);
  const text = (lines[line - 1] ?? '').trim();
  if (!best) return { file, startLine: line, endLine: line, description: line > lines.length ? 'the end of the file' : text === '' ? `the blank line ${line}` : `line ${line}`, anchor: text };
  const endLine = best.endPosition.row + 1;
  const head = text.replace(/\s*[{=].*$/, '');
  return { file, startLine: line, endLine, description: endLine > line ? `${head} (lines ${line}-${endLine})` : `${head} (line ${line})`, anchor: head };
}
