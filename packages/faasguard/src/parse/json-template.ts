/**
 * JSON templates into the located tree. `jsonc-parser` reports every value with its offset at
 * close to `JSON.parse` speed (cdk.out templates are large and machine-written); its events are
 * built straight into the tree, without the parser's own tree of nodes in between (which held
 * half of what parsing a JSON template allocated).
 */
import { printParseErrorCode, visit, type JSONVisitor, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import { lastOfEachKey } from './duplicate-keys.js';
import { LineIndex } from './line-index.js';
import { PARSE_LIMITS, ParseLimitError } from './limits.js';
import type { ParseResult } from './parse-result.js';
import type { TMap, TNode, TSeq } from './tree.js';

export function parseJsonTemplate(text: string, file: string): ParseResult {
  const lines = new LineIndex(text);
  const locAt = (offset: number): SourceLocation => ({ file, ...lines.position(offset) });
  const build = new TreeBuilder(lines, locAt);
  try {
    visit(text, build.visitor, { disallowComments: true, allowTrailingComma: false });
  } catch (e) {
    return { diagnostics: [{ severity: 'error', code: 'json-syntax', message: `JSON could not be parsed: ${(e as Error).message}`, loc: locAt(0) }] };
  }
  if (build.errors.length > 0) {
    const diagnostics = build.errors.slice(0, 5).map((e): Diagnostic => ({
      severity: 'error',
      code: 'json-syntax',
      message: `JSON syntax error: ${printParseErrorCode(e.error)}`,
      loc: locAt(e.offset),
    }));
    return { diagnostics };
  }
  if (build.limit) return { diagnostics: [{ severity: 'error', code: 'input-too-complex', message: build.limit.message, loc: locAt(build.limit.offset) }] };
  if (build.root === undefined) return { diagnostics: [] };
  return { root: build.root, diagnostics: build.diagnostics };
}

/** A map or sequence being built, with the key of the map entry whose value comes next. */
interface OpenNode {
  node: TMap | TSeq;
  key?: { key: string; keyLoc: SourceLocation };
}

/**
 * Builds the tree from the parser's events, in document order. Syntax errors are collected to the
 * end of the text, and take precedence over the bounds of `PARSE_LIMITS`: past a bound nothing more
 * is built, but the text is still read for its syntax errors.
 */
class TreeBuilder {
  root: TNode | undefined;
  readonly errors: ParseError[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** The first bound exceeded, in document order */
  limit: ParseLimitError | undefined;
  private readonly open: OpenNode[] = [];
  private nodes = 0;

  constructor(
    private readonly lines: LineIndex,
    private readonly locAt: (offset: number) => SourceLocation,
  ) {}

  readonly visitor: JSONVisitor = {
    onObjectBegin: (offset) => this.begin({ kind: 'map', entries: [], loc: this.locAt(offset), endLine: 0 }, offset),
    onArrayBegin: (offset) => this.begin({ kind: 'seq', items: [], loc: this.locAt(offset), endLine: 0 }, offset),
    onObjectProperty: (key, offset) => {
      const top = this.open[this.open.length - 1];
      if (top && !this.limit) top.key = { key, keyLoc: this.locAt(offset) };
    },
    onObjectEnd: (offset) => this.end(offset),
    onArrayEnd: (offset) => this.end(offset),
    onLiteralValue: (value: string | number | boolean | null, offset, length) => {
      if (!this.counted(offset)) return;
      const loc = this.locAt(offset);
      this.add({ kind: 'scalar', value, loc, endLine: this.lines.lineNumber(offset + Math.max(0, length - 1)) });
    },
    onError: (error, offset, length) => {
      this.errors.push({ error, offset, length });
    },
  };

  /** Counts a value at the depth of the maps and sequences open, unless a bound is exceeded. */
  private counted(offset: number): boolean {
    if (this.limit) return false;
    if (this.open.length > PARSE_LIMITS.maxDepth) this.limit = new ParseLimitError(`nesting deeper than ${PARSE_LIMITS.maxDepth} levels`, offset);
    else if (++this.nodes > PARSE_LIMITS.maxNodes) this.limit = new ParseLimitError(`more than ${PARSE_LIMITS.maxNodes} nodes`, offset);
    return !this.limit;
  }

  private begin(node: TMap | TSeq, offset: number): void {
    if (!this.counted(offset)) return;
    this.add(node);
    this.open.push({ node });
  }

  /** Closes the innermost map or sequence at its closing bracket's `offset`. */
  private end(offset: number): void {
    if (this.limit) return;
    const closed = this.open.pop();
    if (!closed) return;
    closed.node.endLine = this.lines.lineNumber(offset);
    if (closed.node.kind === 'map') closed.node.entries = lastOfEachKey(closed.node.entries, this.diagnostics);
  }

  /** A value into the map or sequence open, or the root (the first value of the text). */
  private add(value: TNode): void {
    const top = this.open[this.open.length - 1];
    if (!top) {
      this.root ??= value;
      return;
    }
    if (top.node.kind === 'seq') {
      top.node.items.push(value);
      return;
    }
    // A value without its key is a syntax error, reported as such; the tree is then not used.
    if (!top.key) return;
    top.node.entries.push({ key: top.key.key, keyLoc: top.key.keyLoc, value });
    top.key = undefined;
  }
}
