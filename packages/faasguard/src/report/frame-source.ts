/**
 * A scanned file as code frames show it. A report can hold thousands of findings in one large file
 * (or one minified line): the file is indexed once, and each line it shows is redacted and escaped
 * once, so that a report costs the size of its files plus its findings, not their product.
 */
import { lineBreakPattern, sourceLines } from '../code/line-breaks.js';
import { LineIndex } from '../parse/line-index.js';
import { escapeLine } from './terminal-text.js';

/** Lines longer than this keep escaped lengths per chunk, so that placing a caret costs a chunk, not a line. */
const CHUNK = 4096;

/** One line as frames show it. */
interface ShownLine {
  /** Redacted, then escaped */
  text: string;
  /** Redacted, before escaping: columns count in it */
  redacted: string;
  /** Escaped length of the redacted line's first k chunks, for long lines */
  chunkStarts?: number[];
}

export class FrameSource {
  private readonly index: LineIndex;
  /** Code split as its parser splits it (CR, U+2028...: see `line-breaks.ts`); templates use the index */
  private readonly codeLines?: string[];
  private readonly shown = new Map<number, ShownLine>();
  /**
   * Lines of the file, split as its parser splits them (templates on LF only, code as its
   * language does), so that line numbers agree; the break ending the last line opens no other.
   */
  readonly lineCount: number;

  constructor(
    private readonly text: string,
    private readonly redactLine: (line: string) => string = (line) => line,
    file = '',
  ) {
    this.index = new LineIndex(text);
    if (lineBreakPattern(file).test('\r')) this.codeLines = sourceLines(text, file);
    const endsWithNewline = text.endsWith('\n') && this.index.lineCount > 1;
    this.lineCount = this.codeLines?.length ?? this.index.lineCount - (endsWithNewline ? 1 : 0);
  }

  /** 1-based line `n`, redacted and escaped. */
  line(n: number): string {
    return this.shownLine(n).text;
  }

  /** Length of 1-based line `n` as written, in UTF-16 code units (SARIF's columns); 0 past the end. */
  lineLength(n: number): number {
    return n >= 1 && n <= this.lineCount ? this.rawLine(n).length : 0;
  }

  /** Where 1-based `column` of line `n` falls in `line(n)`. */
  caret(n: number, column: number): number {
    const shown = this.shownLine(n);
    const prefix = Math.max(0, column - 1);
    if (shown.chunkStarts === undefined) return escapeLine(shown.redacted.slice(0, prefix)).length;
    const chunk = Math.min(Math.floor(prefix / CHUNK), shown.chunkStarts.length - 1);
    return shown.chunkStarts[chunk]! + escapeLine(shown.redacted.slice(chunk * CHUNK, prefix)).length;
  }

  private shownLine(n: number): ShownLine {
    const known = this.shown.get(n);
    if (known !== undefined) return known;
    const redacted = this.redactLine(this.rawLine(n));
    const line: ShownLine = { text: escapeLine(redacted), redacted };
    if (redacted.length > CHUNK) line.chunkStarts = chunkStarts(redacted);
    this.shown.set(n, line);
    return line;
  }

  /** The line without its newline; a CR before the LF is dropped. */
  private rawLine(n: number): string {
    if (this.codeLines) return this.codeLines[n - 1] ?? '';
    const start = this.index.lineStart(n - 1);
    const end = n < this.index.lineCount ? this.index.lineStart(n) - 1 : this.text.length;
    const line = this.text.slice(start, end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

/** Escaping works character by character, so escaped lengths of chunks add up. */
function chunkStarts(redacted: string): number[] {
  const starts = [0];
  for (let at = 0; at < redacted.length; at += CHUNK) starts.push(starts[starts.length - 1]! + escapeLine(redacted.slice(at, at + CHUNK)).length);
  return starts;
}

/**
 * The frame sources of one report: each file is read, indexed and redacted once, whichever
 * finding asks first.
 */
export function frameSources(readSource: (file: string) => string | undefined, redactLine?: (line: string) => string): (file: string) => FrameSource | undefined {
  const sources = new Map<string, FrameSource | undefined>();
  return (file) => {
    if (!sources.has(file)) {
      const text = readSource(file);
      sources.set(file, text === undefined ? undefined : new FrameSource(text, redactLine, file));
    }
    return sources.get(file);
  };
}
