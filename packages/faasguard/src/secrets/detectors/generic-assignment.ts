import { type Detector, type ScanContext, forEachMatch } from '../hit.js';
import { MAX_NAME_CHARS, MAX_VALUE_CHARS } from '../limits.js';
import { judgeNamedValue } from '../named-value-rules.js';

/** Cheap trigger: every secret-like name contains one of these. */
const KEYWORD = /pass|pwd|secret|token|key|credential/gi;
const QUOTE = /["'`]/;
const BLANK = /[ \t]/;
/** Ends an unquoted value: blanks, separators and closers of the surrounding syntax. */
const UNQUOTED_END = new Set([' ', '\t', '\r', '\n', '\f', '\v', ',', ';', ')', '}', ']', '"', "'", '`']);

interface Assignment {
  name: string;
  valueStart: number;
  valueEnd: number;
}

/** `[A-Za-z0-9_.-]`, by char code: this runs for every keyword hit, so no regex per character. */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

/** Bounds of the identifier around offset `at`, or undefined when longer than MAX_NAME_CHARS. */
function identifierAround(text: string, at: number, length: number): [number, number] | undefined {
  let start = at;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) {
    if (at - start >= MAX_NAME_CHARS) return undefined;
    start--;
  }
  let end = at + length;
  while (end < text.length && isNameChar(text.charCodeAt(end))) {
    if (end - start >= MAX_NAME_CHARS) return undefined;
    end++;
  }
  return [start, end];
}

/** Offset just after `=`, `:`, `:=` or `=>` following the name, skipping a closing quote/bracket; -1 if none. */
function operatorEnd(text: string, from: number): number {
  let i = from;
  if (QUOTE.test(text[i] ?? '')) i++;
  if (text[i] === ']') i++;
  while (BLANK.test(text[i] ?? '')) i++;
  const op = text[i];
  const next = text[i + 1];
  if (op === '=') return next === '=' ? -1 : next === '>' ? i + 2 : i + 1;
  if (op === ':') return next === ':' ? -1 : next === '=' ? i + 2 : i + 1;
  return -1;
}

/** Span of the literal value starting at `from`; unquoted values are refused in code. */
function valueSpan(context: ScanContext, from: number): [number, number] | undefined {
  const { text } = context;
  let i = from;
  while (BLANK.test(text[i] ?? '')) i++;
  const quote = text[i] ?? '';
  if (QUOTE.test(quote)) {
    const close = text.indexOf(quote, i + 1);
    if (close === -1 || close - i > MAX_VALUE_CHARS) return undefined;
    const newline = text.indexOf('\n', i + 1);
    return newline !== -1 && newline < close ? undefined : [i + 1, close];
  }
  if (context.isCode || /[|>!&*]/.test(quote)) return undefined;
  let end = i;
  while (end < text.length && end - i < MAX_VALUE_CHARS && !UNQUOTED_END.has(text[end] as string)) end++;
  // A call cut at its closing parenthesis, e.g. `password: v.string()`.
  if (text[end] === ')' || text.slice(i, end).includes('(')) return undefined;
  return end > i ? [i, end] : undefined;
}

/** The assignment whose name contains the keyword at `at`, if any; moves the keyword search past the name. */
function assignmentAt(context: ScanContext, at: number, length: number): Assignment | undefined {
  const { text } = context;
  const identifier = identifierAround(text, at, length);
  if (identifier === undefined) return undefined;
  KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, identifier[1]);
  const valueFrom = operatorEnd(text, identifier[1]);
  if (valueFrom === -1) return undefined;
  const span = valueSpan(context, valueFrom);
  if (span === undefined) return undefined;
  return { name: text.slice(identifier[0], identifier[1]), valueStart: span[0], valueEnd: span[1] };
}

/**
 * `SECRET_NAME = value` in code (string literals only), `.env`, YAML, JSON,
 * INI and TOML: a secret-like name and a value that passes the entropy bar.
 */
export const genericAssignmentDetector: Detector = {
  name: 'generic-assignment',
  detect(context) {
    const { text } = context;
    forEachMatch(KEYWORD, text, (match) => {
      const assignment = assignmentAt(context, match.index, match[0].length);
      if (assignment === undefined) return true;
      KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, assignment.valueEnd);
      const verdict = judgeNamedValue(assignment.name, text.slice(assignment.valueStart, assignment.valueEnd));
      if (verdict === undefined) return true;
      return context.add({ ...verdict, start: assignment.valueStart, end: assignment.valueEnd });
    });
  },
};
