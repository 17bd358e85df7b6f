/**
 * A few lines of the template around a finding, with a marker on the line and a caret under the
 * column, as compilers print them. `frameWindow` is the data both the terminal and the HTML report
 * draw from.
 */
import { sourceLines } from '../code/line-breaks.js';
import type { SourceLocation } from '../model/location.js';
import type { Palette } from './ansi.js';
import { escapeLine } from './terminal-text.js';

/** Lines shown before and after the reported line. */
const CONTEXT_LINES = 2;
/** Minified JSON templates are one huge line: show a window around the column, not the whole line. */
const MAX_WIDTH = 120;
/** How much of the line to keep left of the caret when a window is cut. */
const LEFT_MARGIN = 40;
const ELLIPSIS = '…';

export interface CodeFrameOptions {
  palette: Palette;
  /** Applied to each raw source line before anything else, so that a cut never splits a secret. */
  redactLine?: (line: string) => string;
  /** Prefix of every frame line */
  indent: string;
}

/** One source line of a frame, as shown: control characters escaped, cut to the frame's window. */
export interface FrameLine {
  /** 1-based line number in the file */
  number: number;
  text: string;
}

/**
 * A code frame before it is drawn, shared by the terminal and the HTML report: the shown lines, the
 * marked line, and the caret as an offset into the marked line's shown text.
 */
export interface FrameWindow {
  lines: FrameLine[];
  marked: number;
  /** Absent when the location has no column */
  caret?: number;
}

/** Returns the frame's lines, or an empty array when there is nothing sensible to show. */
export function codeFrame(source: string | undefined, loc: SourceLocation, options: CodeFrameOptions): string[] {
  const frame = frameWindow(source, loc, options.redactLine);
  return frame === undefined ? [] : renderFrame(frame, options);
}

/**
 * The lines around `loc`, redacted, escaped and cut to one window; undefined when there is nothing
 * sensible to show (no source, a whole-file location, a line past the end).
 */
export function frameWindow(source: string | undefined, loc: SourceLocation, redactLine?: (line: string) => string): FrameWindow | undefined {
  if (source === undefined || loc.line < 1) return undefined;
  const all = sourceLines(source, loc.file);
  if (loc.line > all.length) return undefined;
  const redact = redactLine ?? ((line: string) => line);
  const first = Math.max(1, loc.line - CONTEXT_LINES);
  const last = Math.min(all.length, loc.line + CONTEXT_LINES);
  const raw: FrameLine[] = [];
  for (let n = first; n <= last; n++) raw.push({ number: n, text: redact(all[n - 1] ?? '') });
  const target = raw.find((l) => l.number === loc.line)?.text ?? '';
  const caret = loc.column >= 1 ? escapeLine(target.slice(0, loc.column - 1)).length : undefined;
  const displayed = raw.map((l) => escapeLine(l.text));
  const start = windowStart(displayed, caret);
  const lines = raw.map((l, i) => ({ number: l.number, text: cut(displayed[i] ?? '', start) }));
  if (caret === undefined) return { lines, marked: loc.line };
  return { lines, marked: loc.line, caret: start > 0 ? caret - start + ELLIPSIS.length : caret };
}


function renderFrame(frame: FrameWindow, options: CodeFrameOptions): string[] {
  const { palette, indent } = options;
  const width = String(frame.lines[frame.lines.length - 1]?.number ?? frame.marked).length;
  const out: string[] = [];
  for (const line of frame.lines) {
    const isMarked = line.number === frame.marked;
    const marker = isMarked ? palette.bold(palette.red('>')) : ' ';
    const gutter = palette.gray(`${String(line.number).padStart(width)} |`);
    out.push(joinTrimmed(`${indent}${marker} ${gutter}`, line.text));
    if (isMarked && frame.caret !== undefined) out.push(caretLine(frame.caret, width, options));
  }
  return out;
}

function caretLine(offset: number, width: number, options: CodeFrameOptions): string {
  const { palette, indent } = options;
  const gutter = palette.gray(`${' '.repeat(width)} |`);
  return `${indent}  ${gutter} ${' '.repeat(Math.max(0, offset))}${palette.bold(palette.red('^'))}`;
}

/** One window for the whole frame, so that the context lines stay aligned with the marked one. */
function windowStart(displayed: string[], caret: number | undefined): number {
  const longest = Math.max(...displayed.map((d) => d.length));
  if (longest <= MAX_WIDTH) return 0;
  const wanted = Math.max(0, (caret ?? 0) - LEFT_MARGIN);
  return Math.min(wanted, Math.max(0, longest - MAX_WIDTH));
}

function cut(text: string, start: number): string {
  const body = text.slice(start, start + MAX_WIDTH);
  const head = start > 0 ? ELLIPSIS : '';
  const tail = text.length > start + MAX_WIDTH ? ELLIPSIS : '';
  return `${head}${body}${tail}`;
}

/** Avoids trailing spaces on empty source lines. */
function joinTrimmed(prefix: string, text: string): string {
  return text === '' ? prefix : `${prefix} ${text}`;
}
