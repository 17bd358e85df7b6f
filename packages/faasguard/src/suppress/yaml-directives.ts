/**
 * Directives in the comments of a YAML template (CloudFormation, SAM, serverless.yml and the files
 * it includes). The covered line is found as for code (`covered-line.ts`); what starts on that line
 * is covered whole: a resource, a property, a list item, with everything nested in it. Comments are
 * read from the YAML parser's syntax tree, so a `#` inside a string or a block of inline code is
 * never taken for one.
 */
import { LineIndex } from '../parse/line-index.js';
import type { TNode } from '../parse/tree.js';
import { yaml11Parser } from '../parse/yaml-1-1-lexer.js';
import { parseYamlTemplate, type YamlParser } from '../parse/yaml-template.js';
import { coveredLine } from './covered-line.js';
import type { Directive, DirectiveScope } from './directive.js';
import { inlineDirective, parseDirectiveText } from './directive-text.js';

interface Comment {
  offset: number;
  /** The comment without its `#` */
  body: string;
}

export function yamlDirectives(file: string, text: string, parseYaml: YamlParser = parseYamlTemplate): Directive[] {
  const comments = yamlComments(text);
  if (comments.length === 0) return [];
  const index = new LineIndex(text);
  const lines = text.split('\n');
  const root = parseYaml(text, file).root;
  const out: Directive[] = [];
  for (const c of comments) {
    const parsed = parseDirectiveText(c.body);
    if (!parsed) continue;
    const { line, column } = index.position(c.offset);
    const trailing = text.slice(index.lineStart(line - 1), c.offset).trim() !== '';
    const covered = coveredLine(lines, { index: line - 1, trailing, nextLine: parsed.nextLine }, isCommentOnly);
    out.push(inlineDirective(parsed, { file, line, column }, scopeAt(file, lines, root, covered)));
  }
  return out;
}

function isCommentOnly(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/** Every comment token of the text, in order. */
function yamlComments(text: string): Comment[] {
  const out: Comment[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(visit);
    if (token === null || typeof token !== 'object') return;
    const t = token as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      out.push({ offset: t.offset, body: t.source.slice(1) });
      return;
    }
    for (const [key, value] of Object.entries(token)) if (key !== 'source') visit(value);
  };
  for (const token of yaml11Parser().parse(text)) visit(token);
  return out.sort((a, b) => a.offset - b.offset);
}

/** The largest block that starts on `line`: a mapping entry (key and value) or a list item. */
interface Block {
  path: string;
  endLine: number;
}

function scopeAt(file: string, lines: readonly string[], root: TNode | undefined, line: number): DirectiveScope {
  const block = root ? largestBlockAt(root, line, '') : undefined;
  if (block && block.endLine > line) {
    return { file, startLine: line, endLine: block.endLine, description: `${block.path} (lines ${line}-${block.endLine})`, anchor: block.path };
  }
  const what = block ? `${block.path} (line ${line})` : lineDescription(lines, line);
  return { file, startLine: line, endLine: line, description: what, anchor: block?.path ?? (lines[line - 1] ?? '').trim() };
}

function lineDescription(lines: readonly string[], line: number): string {
  const text = lines[line - 1];
  if (text === undefined) return 'the end of the file';
  return text.trim() === '' ? `the blank line ${line}` : `line ${line}`;
}

function largestBlockAt(node: TNode, line: number, path: string): Block | undefined {
  let best: Block | undefined;
  const consider = (candidate: Block | undefined): void => {
    if (candidate && (!best || candidate.endLine > best.endLine)) best = candidate;
  };
  if (node.kind === 'map') {
    for (const e of node.entries) {
      const at = path === '' ? e.key : `${path}.${e.key}`;
      if (e.keyLoc.line === line) consider({ path: at, endLine: Math.max(line, e.value.endLine ?? line) });
      consider(largestBlockAt(e.value, line, at));
    }
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (item.loc.line === line) consider({ path: at, endLine: Math.max(line, item.endLine ?? line) });
      consider(largestBlockAt(item, line, at));
    });
  }
  return best;
}
