/**
 * YAML templates into the located tree. The `yaml` package keeps offsets for every node and
 * accepts CloudFormation's short-form tags once each is registered for scalars, sequences and maps.
 * Its lexer is given the indentation rules of SAM CLI and CloudFormation (`yaml-1-1-lexer.ts`), so
 * that what they deploy is scanned; what they reject gives one diagnostic.
 */
import { Composer, isAlias, isMap, isScalar, isSeq, Scalar, visit, YAMLParseError, type Document, type Node as YNode, type Tags } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import { lastOfEachKey } from './duplicate-keys.js';
import { LineIndex } from './line-index.js';
import { PARSE_LIMITS, ParseLimitError } from './limits.js';
import type { ParseResult } from './parse-result.js';
import type { TMapEntry, TNode, TScalar } from './tree.js';
import { YAML_1_1_BOOLEAN } from './yaml-1-1-booleans.js';
import { yaml11Parser } from './yaml-1-1-lexer.js';
import { fastYamlTree } from './yaml-fast-path.js';

/** Short forms CloudFormation accepts, and the key of their long form. */
export const SHORT_FORM_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

/** Marks a node whose tag CloudFormation does not know; the evaluator turns it into Unknown. */
export const UNKNOWN_TAG_KEY = 'Fn::UnknownTag';

function cfnTags(): Tags {
  const tags: Tags = [];
  for (const tag of Object.keys(SHORT_FORM_TAGS)) {
    tags.push({ tag, resolve: (s: string) => s });
    tags.push({ tag, collection: 'seq', resolve: (s) => s });
    tags.push({ tag, collection: 'map', resolve: (m) => m });
  }
  return tags;
}

const CUSTOM_TAGS = cfnTags();

/** How a scan parses YAML text into the located tree (see `ScanOptions.parseYaml`). */
export type YamlParser = (text: string, file: string) => ParseResult;

export function parseYamlTemplate(text: string, file: string): ParseResult {
  const lines = new LineIndex(text);
  const lineAt = (start: number, end: number): number => lastLine(text, lines, start, end);
  const fast = fastYamlTree({ text, file, lines, shortForms: SHORT_FORM_TAGS, wrapTag: longForm, lastLine: lineAt });
  if (fast) return fast.root === null ? { diagnostics: fast.diagnostics } : withYaml11Booleans({ root: fast.root, diagnostics: fast.diagnostics }, fast.yaml11Booleans);
  return parseWithDocumentModel(text, file, lines);
}

/** The full parser: the `yaml` package's document model, for what the fast path does not read. */
export function parseWithDocumentModel(text: string, file: string, lines = new LineIndex(text)): ParseResult {
  const locAt = (offset: number): SourceLocation => ({ file, ...lines.position(offset) });
  const lineAt = (start: number, end: number): number => lastLine(text, lines, start, end);
  const diagnostics: Diagnostic[] = [];
  let doc: Document;
  try {
    doc = parseSingleDocument(text);
  } catch (e) {
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: `YAML could not be parsed: ${(e as Error).message}`, loc: locAt(0) });
    return { diagnostics };
  }
  if (doc.errors.length > 0) {
    diagnostics.push(syntaxDiagnostic(doc, locAt));
    return { diagnostics };
  }
  if (doc.contents === null) return { diagnostics };
  const builder = new TreeBuilder(doc, locAt, lineAt, diagnostics);
  try {
    return withYaml11Booleans({ root: builder.build(doc.contents as YNode, 0), diagnostics }, builder.yaml11Booleans);
  } catch (e) {
    if (!(e instanceof ParseLimitError)) throw e;
    diagnostics.push({ severity: 'error', code: 'input-too-complex', message: e.message, loc: locAt(e.offset) });
    return { diagnostics };
  }
}

function withYaml11Booleans(result: ParseResult, scalars: TScalar[]): ParseResult {
  return scalars.length > 0 ? { ...result, yaml11Booleans: scalars } : result;
}

/** Like the `yaml` package's parseDocument, with the lexer that reads indentation as PyYAML does. */
function parseSingleDocument(text: string): Document {
  const parser = yaml11Parser();
  const composer = new Composer({ customTags: CUSTOM_TAGS, uniqueKeys: false });
  let doc: Document | undefined;
  for (const next of composer.compose(parser.parse(text), true, text.length)) {
    if (doc === undefined) {
      doc = next;
      continue;
    }
    doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'a template holds a single YAML document'));
    break;
  }
  return doc!;
}

/**
 * The first error only: the template is dropped either way, and what follows a broken quote or
 * bracket is mostly errors caused by it (an unclosed quote gave hundreds).
 */
function syntaxDiagnostic(doc: Document, locAt: (offset: number) => SourceLocation): Diagnostic {
  const first = doc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more after it)` : '';
  const opened = first.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, first.pos[0]) : undefined;
  if (opened !== undefined) {
    return { severity: 'error', code: 'yaml-syntax', message: `YAML syntax error: a quoted value opened here is never closed${more}`, loc: locAt(opened) };
  }
  return { severity: 'error', code: 'yaml-syntax', message: `YAML syntax error: ${firstLine(first.message)}${more}`, loc: locAt(first.pos[0]) };
}

/** `yaml` reports a missing closing quote where the text ends; the reader needs where the quote opens. */
function unclosedQuoteStart(doc: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
      if (!quoted || node.range?.[1] !== end) return undefined;
      start = node.range[0];
      return visit.BREAK;
    },
  });
  return start;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

class TreeBuilder {
  private nodes = 0;
  private aliases = 0;
  /** See `ParseResult.yaml11Booleans` */
  readonly yaml11Booleans: TScalar[] = [];

  constructor(
    private readonly doc: Document,
    private readonly locAt: (offset: number) => SourceLocation,
    private readonly lineAt: (start: number, end: number) => number,
    private readonly diagnostics: Diagnostic[],
  ) {}

  build(node: YNode, depth: number): TNode {
    const offset = node.range?.[0] ?? 0;
    this.count(offset, depth);
    if (isAlias(node)) return this.buildAlias(node, depth);
    const plain = this.buildUntagged(node, depth);
    const tag = node.tag;
    if (tag === undefined) this.noteYaml11Boolean(node, plain);
    if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return plain;
    return this.wrapTag(tag, plain, offset);
  }

  private noteYaml11Boolean(node: YNode, built: TNode): void {
    if (built.kind !== 'scalar' || !isScalar(node) || node.type !== Scalar.PLAIN) return;
    if (typeof built.value === 'string' && YAML_1_1_BOOLEAN.test(built.value)) this.yaml11Booleans.push(built);
  }

  private count(offset: number, depth: number): void {
    if (depth > PARSE_LIMITS.maxDepth) {
      throw new ParseLimitError(`nesting deeper than ${PARSE_LIMITS.maxDepth} levels`, offset);
    }
    if (++this.nodes > PARSE_LIMITS.maxNodes) {
      throw new ParseLimitError(`document expands to more than ${PARSE_LIMITS.maxNodes} nodes (an alias bomb?)`, offset);
    }
  }

  private buildAlias(node: YNode, depth: number): TNode {
    const offset = node.range?.[0] ?? 0;
    if (++this.aliases > PARSE_LIMITS.maxAliases) {
      throw new ParseLimitError(`more than ${PARSE_LIMITS.maxAliases} alias references (an alias bomb?)`, offset);
    }
    const target = isAlias(node) ? node.resolve(this.doc) : undefined;
    if (target === undefined) {
      this.diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: 'alias to an unknown anchor', loc: this.locAt(offset) });
      return { kind: 'scalar', value: null, loc: this.locAt(offset) };
    }
    return this.build(target as YNode, depth + 1);
  }

  private buildUntagged(node: YNode, depth: number): TNode {
    const start = node.range?.[0] ?? 0;
    const loc = this.locAt(start);
    const endLine = this.lineAt(start, node.range?.[1] ?? start);
    if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node.value), loc, endLine };
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((i) => this.build(i as YNode, depth + 1)), loc, endLine };
    if (isMap(node)) {
      const entries = node.items.map((p) => this.buildEntry(p.key as YNode, p.value as YNode | null, depth));
      return { kind: 'map', entries: lastOfEachKey(entries, this.diagnostics), loc, endLine };
    }
    return { kind: 'scalar', value: null, loc, endLine };
  }

  private buildEntry(keyNode: YNode, valueNode: YNode | null, depth: number): TMapEntry {
    const keyLoc = this.locAt(keyNode?.range?.[0] ?? 0);
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!isScalar(keyNode)) {
      this.diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: 'a mapping key must be a plain value', loc: keyLoc });
    }
    const value: TNode = valueNode === null ? { kind: 'scalar', value: null, loc: keyLoc, endLine: keyLoc.line } : this.build(valueNode, depth + 1);
    return { key, keyLoc, value };
  }

  private wrapTag(tag: string, value: TNode, offset: number): TNode {
    const { loc, endLine } = value;
    if (SHORT_FORM_TAGS[tag] !== undefined) return longForm(tag, value);
    this.diagnostics.push({ severity: 'error', code: 'unknown-tag', message: `unknown tag ${tag}: its value is treated as unknown`, loc: this.locAt(offset) });
    const tagNode: TNode = { kind: 'scalar', value: tag, loc };
    return { kind: 'map', entries: [{ key: UNKNOWN_TAG_KEY, keyLoc: loc, value: { kind: 'seq', items: [tagNode, value], loc } }], loc, ...(endLine ? { endLine } : {}) };
  }
}

/** A short form (`!Ref X`) as its long form (`{ Ref: X }`), located at the value. */
function longForm(tag: string, value: TNode): TNode {
  const { loc, endLine } = value;
  return { kind: 'map', entries: [{ key: SHORT_FORM_TAGS[tag]!, keyLoc: loc, value: getAttShortForm(tag, value) }], loc, ...(endLine ? { endLine } : {}) };
}

/** `!GetAtt Res.Attr` is the only short form whose scalar must be split. */
function getAttShortForm(tag: string, value: TNode): TNode {
  if (tag !== '!GetAtt' || value.kind !== 'scalar' || typeof value.value !== 'string') return value;
  const dot = value.value.indexOf('.');
  if (dot < 0) return value;
  return {
    kind: 'seq',
    items: [
      { kind: 'scalar', value: value.value.slice(0, dot), loc: value.loc },
      { kind: 'scalar', value: value.value.slice(dot + 1), loc: value.loc },
    ],
    loc: value.loc,
  };
}

/** The line of the last character of `text[start, end)` that is not white space (a block's range ends after its newline). */
function lastLine(text: string, lines: LineIndex, start: number, end: number): number {
  let last = end - 1;
  while (last > start && isWhiteSpace(text.charCodeAt(last))) last--;
  return lines.lineNumber(Math.max(start, last));
}

/** What `\s` matches in the characters a template's layout uses (blanks, tabs, line breaks). */
function isWhiteSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 11 || c === 12 || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

function scalarValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
