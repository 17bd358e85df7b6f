/**
 * The fast path for YAML templates: `@stoplight/yaml-ast-parser` (offsets for every node, several
 * times as fast here as building the `yaml` package's document model) turned straight into the
 * located tree. It answers only for the plain YAML that nearly every template is (one document,
 * no anchors or aliases, no `!!` or `!<…>` tags, no directives, no explicit `?` keys, no error)
 * and gives exactly the tree the full parser in `yaml-template.ts` gives, positions and resolved
 * scalars included (test/parse/yaml-fast-path.test.ts compares them). For anything else it answers
 * `undefined` and the full parser reads the text: its YAML 1.1 leniency, its error messages and its
 * limits on alias bombs apply as before.
 *
 * The parser reads with its failsafe schema (every scalar a string): plain scalars are resolved
 * here by YAML 1.2's core schema, as the full parser resolves them. It does not know
 * CloudFormation's short-form tags, and says where each one is in an "unknown tag" error; those
 * errors are how the tags are found, and each must land on a node, or the full parser reads it.
 */
import yamlAst from '@stoplight/yaml-ast-parser';
import type { YAMLMapping, YAMLNode, YAMLScalar, YAMLSequence, YamlMap } from '@stoplight/yaml-ast-parser';
// The package's index does not export its schemas; the file is imported directly (the version is pinned).
import failsafe from '@stoplight/yaml-ast-parser/dist/src/schema/failsafe.js';
import { isScalar, Schema } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import { lastOfEachKey } from './duplicate-keys.js';
import type { LineIndex } from './line-index.js';
import { PARSE_LIMITS } from './limits.js';
import type { TMapEntry, TNode, TScalar } from './tree.js';
import { YAML_1_1_BOOLEAN } from './yaml-1-1-booleans.js';

/** The parser's node kinds (its `Kind` enum) */
const SCALAR = 0;
const MAP = 2;
const SEQ = 3;

/** How the full parser resolves an untagged plain scalar: the first default tag of YAML 1.2's core schema whose pattern matches. */
type ScalarResolver = { test: RegExp; resolve: (source: string, onError: (message: string) => void, options: { intAsBigInt: boolean }) => unknown };
const CORE_TAGS = new Schema({ schema: 'core' }).tags.filter((t) => t.default === true && t.test !== undefined) as unknown as ScalarResolver[];
const RESOLVE_OPTIONS = { intAsBigInt: false };

/**
 * What the parser's failsafe schema would accept without an error but the full parser reads
 * differently: `!!` and verbatim tags, directives, and a byte order mark (which the parser drops,
 * moving every offset).
 */
const NOT_PLAIN_TEXT = /!!|!<|^%|^\uFEFF/m;

/**
 * A `\x`, `\u` or `\U` escape without all its hexadecimal digits: the parser can then read past
 * the end of the text and never return (`"\u6"` at the end of a file). Such a text, or one that
 * merely looks like it (a backslash in a plain value), goes to the full parser.
 */
const SHORT_HEX_ESCAPE = /\\(?:x(?![0-9a-fA-F]{2})|u(?![0-9a-fA-F]{4})|U(?![0-9a-fA-F]{8}))/;

/**
 * The parser finds an "unknown tag" by a scan over the lines read so far, so a text with many
 * tags and lines costs their product: past this bound the full parser, which is linear, reads it.
 */
const MAX_TAG_LINE_PRODUCT = 20_000_000;

/** The fast path's refusal: the full parser reads the text instead. */
class NotPlain extends Error {}

export interface FastPathContext {
  text: string;
  file: string;
  lines: LineIndex;
  /** Long forms of CloudFormation's short-form tags (`!Ref` → `Ref`) */
  shortForms: Readonly<Record<string, string>>;
  /** Turns a short-form tag and its value into the long form, as the full parser does */
  wrapTag(tag: string, value: TNode): TNode;
  lastLine(start: number, end: number): number;
}

export interface FastPathResult {
  root: TNode | null;
  diagnostics: Diagnostic[];
  /** See `ParseResult.yaml11Booleans` */
  yaml11Booleans: TScalar[];
}

/**
 * The tree of a plain one-document template with its diagnostics (duplicate keys), `null` for an
 * empty document, or `undefined` when the full parser must read it.
 */
export function fastYamlTree(ctx: FastPathContext): FastPathResult | undefined {
  if (NOT_PLAIN_TEXT.test(ctx.text) || SHORT_HEX_ESCAPE.test(ctx.text)) return undefined;
  if (tagCountBound(ctx.text) * ctx.lines.lineCount > MAX_TAG_LINE_PRODUCT) return undefined;
  let doc: YAMLNode | undefined;
  try {
    doc = yamlAst.load(ctx.text, { schema: failsafe, ignoreDuplicateKeys: true });
  } catch {
    return undefined;
  }
  try {
    const tags = tagsByTarget(ctx, doc);
    const reader = new AstReader(ctx, tags);
    const result = reader.read(doc);
    if (tags.size > 0) throw new NotPlain();
    checkEveryTagSeen(ctx.text, doc, reader.scalarExtents);
    return result;
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}

/** At least as many as the tags the text holds: every tag starts with `!`. */
function tagCountBound(text: string): number {
  let n = 0;
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) n++;
  return n;
}

/**
 * The short-form tags the parser reported, by the offset of the node each one tags: the first
 * character after the tag that is not a blank, a line break or a comment. Any other error, or a
 * tag CloudFormation does not know, leaves the text to the full parser.
 */
function tagsByTarget(ctx: FastPathContext, doc: YAMLNode | undefined): Map<number, string> {
  const tags = new Map<number, string>();
  for (const error of doc?.errors ?? []) {
    const tag = /^unknown tag <(!.*)>$/.exec(error.reason)?.[1];
    if (tag === undefined || ctx.shortForms[tag] === undefined) throw new NotPlain();
    if (ctx.text.startsWith(tag, error.mark.position) === false) throw new NotPlain();
    const target = skipSeparation(ctx.text, error.mark.position + tag.length);
    if (tags.has(target)) throw new NotPlain();
    tags.set(target, tag);
  }
  return tags;
}

/**
 * The parser drops some tags without a word (a tag whose block scalar starts on the next line), so
 * every `!` of the text must be a tag it reported, or lie in a scalar or a comment.
 */
function checkEveryTagSeen(text: string, doc: YAMLNode | undefined, scalarExtents: readonly Extent[]): void {
  const reported = new Set((doc?.errors ?? []).map((e) => e.mark.position));
  const covered = [...scalarExtents, ...commentExtents(doc)].sort((a, b) => a.start - b.start);
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) {
    if (!reported.has(i) && !within(covered, i)) throw new NotPlain();
  }
}

interface Extent {
  start: number;
  end: number;
}

function commentExtents(doc: YAMLNode | undefined): Extent[] {
  const comments = (doc as { comments?: { startPosition: number; endPosition: number }[] } | undefined)?.comments ?? [];
  return comments.map((c) => ({ start: c.startPosition, end: c.endPosition }));
}

/** Whether `offset` lies in one of `extents` (sorted by start; they do not overlap). */
function within(extents: readonly Extent[], offset: number): boolean {
  let lo = 0;
  let hi = extents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = extents[mid]!;
    if (offset < e.start) hi = mid - 1;
    else if (offset >= e.end) lo = mid + 1;
    else return true;
  }
  return false;
}

function skipSeparation(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c !== '#') return i;
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? text.length : nl;
  }
  return i;
}

/**
 * A built node and its extent as the full parser's ranges give it: `end` where its value ends
 * (its `endLine` is read there), `after` where it ends with the comments it holds, and `pending`,
 * the comment lines after it that it handed on to the collection around it.
 */
interface Built {
  node: TNode;
  start: number;
  end: number;
  after: number;
  /** A plain or quoted scalar or a flow collection: comment lines indented under it after it become part of it */
  flow?: boolean;
  pending?: readonly GapComment[];
}

/** A comment line between two content lines: where its `#` is (its indentation) and where its line ends. */
interface GapComment {
  indent: number;
  end: number;
}

/** Most values have no comment line after them: one empty list serves them all. */
const NO_GAP: GapComment[] = [];

class AstReader {
  private nodes = 0;
  readonly diagnostics: Diagnostic[] = [];
  /** Where each scalar read (keys included) is written */
  readonly scalarExtents: Extent[] = [];
  readonly yaml11Booleans: TScalar[] = [];

  constructor(
    private readonly ctx: FastPathContext,
    /** Short-form tags not yet placed, by the offset of the node they tag */
    private readonly tags: Map<number, string>,
  ) {}

  read(doc: YAMLNode | undefined): FastPathResult {
    if (doc === undefined || doc === null) return { root: null, diagnostics: this.diagnostics, yaml11Booleans: this.yaml11Booleans };
    // A text of comments alone is an empty scalar here; the full parser says what it is.
    if (doc.kind === SCALAR && doc.startPosition === doc.endPosition) throw new NotPlain();
    return { root: this.node(doc, 0).node, diagnostics: this.diagnostics, yaml11Booleans: this.yaml11Booleans };
  }

  private loc(offset: number): SourceLocation {
    const { line, column } = this.ctx.lines.position(offset);
    return { file: this.ctx.file, line, column };
  }

  private node(n: YAMLNode, depth: number): Built {
    if (depth > PARSE_LIMITS.maxDepth || ++this.nodes > PARSE_LIMITS.maxNodes) throw new NotPlain();
    if (n.anchorId !== undefined) throw new NotPlain();
    const tag = this.takeTag(n.startPosition);
    const built = this.untagged(n, depth, tag !== undefined);
    if (tag === undefined) return built;
    if (n.kind === MAP && !this.isFlow(n.startPosition) && this.sameLine(this.tagStart(n.startPosition, tag), n.startPosition)) {
      // `- !If a: 1`: the tag could be the first key's; the full parser decides.
      throw new NotPlain();
    }
    return { ...built, node: this.ctx.wrapTag(tag, built.node) };
  }

  private takeTag(offset: number): string | undefined {
    const tag = this.tags.get(offset);
    if (tag !== undefined) this.tags.delete(offset);
    return tag;
  }

  private untagged(n: YAMLNode, depth: number, tagged: boolean): Built {
    if (n.kind === SCALAR) return this.valueScalar(n as YAMLScalar, tagged);
    if (n.kind === MAP) return this.mapping(n as YamlMap, depth);
    if (n.kind === SEQ) return this.sequence(n as YAMLSequence, depth);
    throw new NotPlain();
  }

  /** A scalar in a value's place (not a key), recorded when YAML 1.1 would read it as a boolean. */
  private valueScalar(s: YAMLScalar, tagged: boolean): Built {
    const built = this.scalar(s, tagged);
    const node = built.node as TScalar;
    if (!tagged && s.plainScalar === true && typeof node.value === 'string' && YAML_1_1_BOOLEAN.test(node.value)) this.yaml11Booleans.push(node);
    return built;
  }

  private isFlow(start: number): boolean {
    const c = this.ctx.text[start];
    return c === '[' || c === '{';
  }

  private sameLine(a: number, b: number): boolean {
    const nl = this.ctx.text.indexOf('\n', a);
    return nl < 0 || nl >= b;
  }

  /** Where the tag that tags the node at `target` starts (the tag is written before it). */
  private tagStart(target: number, tag: string): number {
    return this.ctx.text.lastIndexOf(tag, target);
  }

  private mapping(n: YamlMap, depth: number): Built {
    const start = n.startPosition;
    const flow = this.isFlow(start);
    const entries: TMapEntry[] = [];
    let last: Built | undefined;
    for (const m of n.mappings as YAMLMapping[]) {
      const keyBuilt = this.key(m.key);
      const keyValue = keyBuilt.node.kind === 'scalar' ? keyBuilt.node.value : null;
      last = m.value === null || m.value === undefined ? this.emptyValue(keyBuilt) : this.node(m.value, depth + 1);
      entries.push({ key: String(keyValue), keyLoc: keyBuilt.node.loc, value: last.node });
    }
    const node: TNode = { kind: 'map', entries: lastOfEachKey(entries, this.diagnostics), loc: this.loc(start) };
    if (flow) return this.flowCollection(node, start, last, '}');
    if (last === undefined) throw new NotPlain();
    return this.blockCollection(node, start, last);
  }

  private key(k: YAMLNode | null | undefined): Built {
    if (k === null || k === undefined || k.kind !== SCALAR || k.anchorId !== undefined) throw new NotPlain();
    if (this.tags.has(k.startPosition)) throw new NotPlain();
    const scalar = k as YAMLScalar;
    // An explicit `? key` or a key with nothing in it: the full parser reads those.
    if (this.ctx.text[k.startPosition] === '?' || k.startPosition === k.endPosition) throw new NotPlain();
    if (scalar.plainScalar === true && scalar.value === '<<') throw new NotPlain();
    return this.scalar(scalar, false);
  }

  /** `key:` with nothing after it is null just after the colon, as the full parser gives it. */
  private emptyValue(key: Built): Built {
    const at = this.afterColon(key.end);
    if (this.tags.has(at)) throw new NotPlain();
    const loc = this.loc(at);
    return { node: { kind: 'scalar', value: null, loc, endLine: loc.line }, start: at, end: at, after: at };
  }

  /** Just after the `:` that follows a key and the blanks after it: where the full parser puts an empty value. */
  private afterColon(keyEnd: number): number {
    const text = this.ctx.text;
    let i = keyEnd;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== ':') throw new NotPlain();
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
    return i;
  }

  private sequence(n: YAMLSequence, depth: number): Built {
    const start = n.startPosition;
    const items: TNode[] = [];
    let last: Built | undefined;
    for (const item of n.items) {
      // An empty item (`-` alone): the full parser places its null.
      if (item === null || item === undefined) throw new NotPlain();
      last = this.node(item, depth + 1);
      items.push(last.node);
    }
    const node: TNode = { kind: 'seq', items, loc: this.loc(start) };
    if (this.isFlow(start)) return this.flowCollection(node, start, last, ']');
    if (last === undefined) throw new NotPlain();
    return this.blockCollection(node, start, last);
  }

  private flowCollection(node: TNode, start: number, last: Built | undefined, bracket: string): Built {
    const end = this.closer(last?.after ?? start + 1, bracket);
    node.endLine = this.ctx.lastLine(start, end);
    return { node, start, end, after: end, flow: true };
  }

  /**
   * A block collection ends, as the full parser's ranges do, after its last value with the comment
   * lines that value holds. Comment lines after the last value that are indented further than this
   * collection become part of a plain or quoted scalar or flow collection value (up to the first
   * that is not); after
   * an empty value (`key:` and nothing), all of them do; after a block scalar, none. The others wait for the next content line and are handed outwards, collection by collection, while
   * every one is indented less than the collection being closed (or it is at column 0). Where they
   * stop, they are that collection's, and the collections around it end after them.
   */
  private blockCollection(node: TNode, start: number, last: Built): Built {
    const indent = start - (this.ctx.text.lastIndexOf('\n', start - 1) + 1);
    let end = last.after;
    let pending = last.pending;
    if (pending === undefined) {
      const gap = this.gapAfter(last.after);
      let k = 0;
      if (last.start === last.end) k = gap.length;
      else if (last.flow === true) while (k < gap.length && gap[k]!.indent > indent) k++;
      if (k > 0) end = gap[k - 1]!.end;
      pending = k === 0 ? gap : gap.slice(k);
    }
    let after = end;
    if (pending.length > 0 && indent !== 0 && !pending.every((c) => c.indent < indent)) {
      after = pending[pending.length - 1]!.end;
      pending = [];
    }
    node.endLine = this.ctx.lastLine(start, end);
    return { node, start, end, after, pending };
  }

  /** The comment lines between the line `offset` is on and the next content line (blank lines skipped). */
  private gapAfter(offset: number): GapComment[] {
    const text = this.ctx.text;
    let out: GapComment[] = NO_GAP;
    let lineStart = text.indexOf('\n', Math.max(0, offset - 1)) + 1;
    while (lineStart > 0 && lineStart < text.length) {
      let i = lineStart;
      while (text[i] === ' ') i++;
      const c = text[i];
      if (c === '\t') throw new NotPlain();
      const lineEnd = text.indexOf('\n', i);
      if (c === '#') {
        if (out === NO_GAP) out = [];
        out.push({ indent: i - lineStart, end: lineEnd < 0 ? text.length : lineEnd });
      }
      else if (c !== '\n' && c !== '\r' && c !== undefined) break;
      if (lineEnd < 0) break;
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /** Just after the bracket that closes a flow collection, past white space, commas and comments. */
  private closer(from: number, bracket: string): number {
    const text = this.ctx.text;
    let i = from;
    while (i < text.length) {
      const c = text[i]!;
      if (c === bracket) return i + 1;
      if (c === '#') {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl;
        continue;
      }
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',') throw new NotPlain();
      i++;
    }
    throw new NotPlain();
  }

  private scalar(s: YAMLScalar, tagged: boolean): Built {
    const start = s.startPosition;
    const end = s.endPosition;
    const plain = s.plainScalar === true;
    const flowScalar = plain || s.singleQuoted === true || s.doubleQuoted === true;
    const quotedValue = flowScalar && !plain ? this.quotedValue(s, start, end) : s.value;
    if (!flowScalar) this.checkBlockScalar(start, end);
    this.scalarExtents.push({ start, end });
    const loc = this.loc(start);
    const value = tagged || !plain ? quotedValue : resolvePlain(s.value);
    const nl = this.ctx.text.indexOf('\n', start);
    const oneLine = nl < 0 || nl >= end;
    const node: TNode = { kind: 'scalar', value, loc, endLine: oneLine ? loc.line : this.ctx.lastLine(start, end) };
    return { node, start, end, after: end, flow: flowScalar };
  }

  /**
   * A quoted scalar over several lines drops the blanks that end each line, and the parser keeps
   * them: a single-quoted one is folded here, a double-quoted one (escapes) left to the full parser.
   */
  private quotedValue(s: YAMLScalar, start: number, end: number): string {
    const raw = this.ctx.text.slice(start + 1, end - 1);
    if (!/[ \t]\r?\n/.test(raw)) return s.value;
    if (s.doubleQuoted === true) throw new NotPlain();
    return foldSingleQuoted(raw);
  }

  /**
   * A scalar that is neither plain nor quoted must be a block scalar, starting at its `|` or `>`,
   * and not one that keeps its final line breaks (`|+`, the parser drops the last) or gives its
   * indentation (`|2`, which the parser misreads). Lines of blanks alone inside it are read differently by the two parsers (as content or as
   * indentation), so a block scalar with one is left to the full parser.
   */
  private checkBlockScalar(start: number, end: number): void {
    const c = this.ctx.text[start];
    if (c !== '|' && c !== '>') throw new NotPlain();
    const headerEnd = this.ctx.text.indexOf('\n', start);
    // Keeping the final line breaks (`|+`): the parser drops the last one; an indentation indicator (`|2`) it misreads.
    if (/^[|>][-+]?[1-9+]/.test(this.ctx.text.slice(start, headerEnd < 0 ? undefined : headerEnd))) throw new NotPlain();
    if (headerEnd >= 0 && headerEnd < end && /^\n(?:[ \t]*\r?\n)*[ \t]+\r?\n/.test(this.ctx.text.slice(headerEnd, end + 1))) throw new NotPlain();
  }
}

/**
 * The value of a single-quoted scalar written over several lines (YAML 1.2, 7.3.2 and 6.5): each
 * line break with the blanks around it becomes one space, or, when empty lines follow it, a line
 * feed per empty line; `''` is a quote.
 */
export function foldSingleQuoted(raw: string): string {
  const lines = raw.split(/\r?\n/);
  let out = lines[0]!.replace(/[ \t]+$/, '');
  let breaks = 0;
  for (let i = 1; i < lines.length; i++) {
    const last = i === lines.length - 1;
    const line = last ? lines[i]!.replace(/^[ \t]+/, '') : lines[i]!.replace(/^[ \t]+|[ \t]+$/g, '');
    if (line === '' && !last) {
      breaks++;
      continue;
    }
    out += breaks === 0 ? ' ' : '\n'.repeat(breaks);
    out += line;
    breaks = 0;
  }
  return out.replace(/''/g, "'");
}

/** Characters a plain scalar of the core schema's null, boolean or number patterns can start with; anything else is a string. */
const MAYBE_NOT_STRING = /^(?:$|[-+.~0-9nNtTfF])/;

function resolvePlain(text: string): string | number | boolean | null {
  if (!MAYBE_NOT_STRING.test(text)) return text;
  const tag = CORE_TAGS.find((t) => t.test.test(text));
  if (tag === undefined) return text;
  const resolved: unknown = tag.resolve(text, () => {
    throw new NotPlain();
  }, RESOLVE_OPTIONS);
  // Some tags answer with a `Scalar` node (null, booleans), others with the value itself.
  const v = isScalar(resolved) ? resolved.value : resolved;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new NotPlain();
}
