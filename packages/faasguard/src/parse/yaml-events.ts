/**
 * The fast path for YAML templates: js-yaml's event parser (offsets for every scalar, tag and
 * collection, about four times as fast here as building the `yaml` package's document model)
 * turned straight into the located tree. It answers only for the plain YAML that nearly every template is
 * (one document, no anchors or aliases, no `!!` tags, no explicit `?` keys, no error) and gives
 * exactly the tree the full parser in `yaml-template.ts` gives, positions and resolved scalars
 * included (test/parse/yaml-fast-path.test.ts compares them). For anything else it answers
 * `undefined` and the full parser reads the text: its YAML 1.1 leniency, its error messages and its
 * limits on alias bombs apply as before.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { isScalar, Schema } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import { lastOfEachKey } from './duplicate-keys.js';
import type { LineIndex } from './line-index.js';
import { PARSE_LIMITS } from './limits.js';
import type { TMapEntry, TNode } from './tree.js';

/** How the full parser resolves an untagged plain scalar: the first default tag of YAML 1.2's core schema whose pattern matches. */
type ScalarResolver = { test: RegExp; resolve: (source: string, onError: (message: string) => void, options: { intAsBigInt: boolean }) => unknown };
const CORE_TAGS = new Schema({ schema: 'core' }).tags.filter((t) => t.default === true && t.test !== undefined) as unknown as ScalarResolver[];
const RESOLVE_OPTIONS = { intAsBigInt: false };

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

/**
 * The tree of a plain one-document template with its diagnostics (duplicate keys), `null` for an
 * empty document, or `undefined` when the full parser must read it.
 */
export function fastYamlTree(ctx: FastPathContext): { root: TNode | null; diagnostics: Diagnostic[] } | undefined {
  let events: Event[];
  try {
    events = parseEvents(ctx.text, { maxDepth: PARSE_LIMITS.maxDepth });
  } catch {
    return undefined;
  }
  const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
  if (documents > 1) return undefined;
  if (events.length > PARSE_LIMITS.maxNodes) return undefined;
  const reader = new EventReader(ctx, events);
  try {
    return reader.read();
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
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
  /** A plain or quoted scalar: comment lines indented under it after it become part of it */
  flowScalar?: boolean;
  pending?: readonly GapComment[];
}

/** A comment line between two content lines: where its `#` is (its indentation) and where its line ends. */
interface GapComment {
  indent: number;
  end: number;
}

class EventReader {
  private i = 0;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly ctx: FastPathContext,
    private readonly events: Event[],
  ) {}

  read(): { root: TNode | null; diagnostics: Diagnostic[] } {
    if (this.events.length === 0) return { root: null, diagnostics: this.diagnostics };
    const doc = this.next();
    if (doc.type !== EVENT_ID.DOCUMENT || doc.directives.length > 0) throw new NotPlain();
    if (this.peek()?.type === EVENT_ID.POP) return { root: null, diagnostics: this.diagnostics };
    const root = this.node();
    if (this.next().type !== EVENT_ID.POP || this.i !== this.events.length) throw new NotPlain();
    return { root: root.node, diagnostics: this.diagnostics };
  }

  private next(): Event {
    const e = this.events[this.i++];
    if (e === undefined) throw new NotPlain();
    return e;
  }

  private peek(): Event | undefined {
    return this.events[this.i];
  }

  private loc(offset: number): SourceLocation {
    return { file: this.ctx.file, ...this.ctx.lines.position(offset) };
  }

  private node(): Built {
    const e = this.next();
    if (e.type === EVENT_ID.SCALAR) return this.scalar(e);
    if (e.type !== EVENT_ID.MAPPING && e.type !== EVENT_ID.SEQUENCE) throw new NotPlain();
    if (e.anchorStart >= 0) throw new NotPlain();
    const tag = this.tagOf(e.tagStart, e.tagEnd);
    const flow = this.ctx.text[e.start] === '[' || this.ctx.text[e.start] === '{';
    const built = e.type === EVENT_ID.MAPPING ? this.mapping(e.start, flow) : this.sequence(e.start, flow);
    return tag === undefined ? built : { ...built, node: this.ctx.wrapTag(tag, built.node) };
  }

  private tagOf(start: number, end: number): string | undefined {
    if (start < 0) return undefined;
    const tag = this.ctx.text.slice(start, end);
    // Only CloudFormation's short forms; `!!str`, verbatim and unknown tags take the full path.
    if (this.ctx.shortForms[tag] === undefined) throw new NotPlain();
    return tag;
  }

  private mapping(start: number, flow: boolean): Built {
    const entries: TMapEntry[] = [];
    let last: Built | undefined;
    while (this.peek()?.type !== EVENT_ID.POP) {
      const key = this.next();
      if (key.type !== EVENT_ID.SCALAR || key.tagStart >= 0 || key.anchorStart >= 0 || key.valueStart < 0) throw new NotPlain();
      const keyBuilt = this.scalar(key);
      const keyValue = keyBuilt.node.kind === 'scalar' ? keyBuilt.node.value : null;
      last = this.value(keyBuilt);
      entries.push({ key: String(keyValue), keyLoc: keyBuilt.node.loc, value: last.node });
    }
    this.next();
    const node: TNode = { kind: 'map', entries: lastOfEachKey(entries, this.diagnostics), loc: this.loc(start) };
    return flow ? this.flowCollection(node, start, last, '}') : this.blockCollection(node, start, last!);
  }

  /** A mapping's value; `key:` with nothing after it is null just after the colon, as the full parser gives it. */
  private value(key: Built): Built {
    const e = this.peek();
    if (e?.type === EVENT_ID.SCALAR && e.valueStart < 0) {
      if (e.tagStart >= 0 || e.anchorStart >= 0) throw new NotPlain();
      this.next();
      const at = this.afterColon(key.end);
      const loc = this.loc(at);
      return { node: { kind: 'scalar', value: null, loc, endLine: loc.line }, start: at, end: at, after: at };
    }
    return this.node();
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

  private sequence(start: number, flow: boolean): Built {
    const items: TNode[] = [];
    let last: Built | undefined;
    while (this.peek()?.type !== EVENT_ID.POP) {
      last = this.node();
      items.push(last.node);
    }
    this.next();
    const node: TNode = { kind: 'seq', items, loc: this.loc(start) };
    return flow ? this.flowCollection(node, start, last, ']') : this.blockCollection(node, start, last!);
  }

  private flowCollection(node: TNode, start: number, last: Built | undefined, bracket: string): Built {
    const end = this.closer(last?.after ?? start + 1, bracket);
    return { node: { ...node, endLine: this.ctx.lastLine(start, end) }, start, end, after: end };
  }

  /**
   * A block collection ends, as the full parser's ranges do, after its last value with the comment
   * lines that value holds. Comment lines after the last value that are indented further than this
   * collection become part of a plain or quoted scalar value (up to the first that is not); the
   * others wait for the next content line and are handed outwards, collection by collection, while
   * every one is indented less than the collection being closed (or it is at column 0). Where they
   * stop, they are that collection's, and the collections around it end after them.
   */
  private blockCollection(node: TNode, start: number, last: Built): Built {
    const indent = start - (this.ctx.text.lastIndexOf('\n', start - 1) + 1);
    let end = last.after;
    let pending = last.pending;
    if (pending === undefined) {
      const gap = this.gapAfter(last.after);
      if (gap.length > 0 && (!last.flowScalar || last.start === last.end)) throw new NotPlain();
      let k = 0;
      while (k < gap.length && gap[k]!.indent > indent) end = gap[k++]!.end;
      pending = gap.slice(k);
    }
    let after = end;
    if (pending.length > 0 && indent !== 0 && !pending.every((c) => c.indent < indent)) {
      after = pending[pending.length - 1]!.end;
      pending = [];
    }
    return { node: { ...node, endLine: this.ctx.lastLine(start, end) }, start, end, after, pending };
  }

  /** The comment lines between the line `offset` is on and the next content line (blank lines skipped). */
  private gapAfter(offset: number): GapComment[] {
    const text = this.ctx.text;
    const out: GapComment[] = [];
    let lineStart = text.indexOf('\n', Math.max(0, offset - 1)) + 1;
    while (lineStart > 0 && lineStart < text.length) {
      let i = lineStart;
      while (text[i] === ' ') i++;
      const c = text[i];
      if (c === '\t') throw new NotPlain();
      const lineEnd = text.indexOf('\n', i);
      if (c === '#') out.push({ indent: i - lineStart, end: lineEnd < 0 ? text.length : lineEnd });
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

  private scalar(e: ScalarEvent): Built {
    if (e.anchorStart >= 0) throw new NotPlain();
    const tag = this.tagOf(e.tagStart, e.tagEnd);
    if (e.valueStart < 0) throw new NotPlain();
    const text = getScalarValue(this.ctx.text, e);
    const { start, end } = this.extent(e);
    const loc = this.loc(start);
    const value = tag !== undefined || e.style !== SCALAR_STYLE.PLAIN ? text : resolvePlain(text);
    const oneLine = this.ctx.text.indexOf('\n', start) < 0 || this.ctx.text.indexOf('\n', start) >= end;
    const node: TNode = { kind: 'scalar', value, loc, endLine: oneLine ? loc.line : this.ctx.lastLine(start, end) };
    const flowScalar = e.style === SCALAR_STYLE.PLAIN || e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
    return { node: tag === undefined ? node : this.ctx.wrapTag(tag, node), start, end, after: end, flowScalar };
  }

  /** Where the full parser's range of a scalar starts and ends: quotes and a block scalar's header included. */
  private extent(e: ScalarEvent): { start: number; end: number } {
    switch (e.style) {
      case SCALAR_STYLE.PLAIN:
        return { start: e.valueStart, end: e.valueEnd };
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return { start: e.valueStart - 1, end: e.valueEnd + 1 };
      default:
        return { start: this.blockHeader(e.valueStart), end: e.valueEnd };
    }
  }

  /** The `|` or `>` that opens a block scalar whose content starts at `content` (the line after its header). */
  private blockHeader(content: number): number {
    const text = this.ctx.text;
    const lineEnd = text.lastIndexOf('\n', content - 1);
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const header = /(?:^|[\s:\-\]])([|>])[-+1-9]{0,2}[ \t]*(?:#.*)?\r?$/.exec(text.slice(lineStart, Math.max(lineStart, lineEnd)));
    if (!header) throw new NotPlain();
    return lineStart + header.index + header[0].indexOf(header[1]!);
  }
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
