import type { Confidence, SecretKind } from './types.js';
import type { LineIndex } from '../parse/line-index.js';

/** A secret found by a detector: its kind and where its value lies in the scanned text. */
export interface RawHit {
  kind: SecretKind;
  confidence: Confidence;
  /** Offset of the first character of the secret value. */
  start: number;
  /** Offset just past the secret value. */
  end: number;
}

/** What a detector sees: the (already capped) text and helpers shared by all detectors. */
export interface ScanContext {
  readonly text: string;
  readonly lines: LineIndex;
  /** True when the text is program source, where only string literals count as hard-coded values. */
  readonly isCode: boolean;
  /** Collects hits; returns false once the per-text budget is spent so detectors can stop early. */
  add(hit: RawHit): boolean;
}

/** One family of secrets. Each detector must do work linear in the text length. */
export interface Detector {
  readonly name: string;
  detect(context: ScanContext): void;
}

/** Characters that continue a word: a token touching one is part of a longer word. */
export const WORD_CHAR = /[A-Za-z0-9_]/;

/** True when neither neighbour of the span [start, end) matches `before` / `after`. */
export function isStandalone(text: string, start: number, end: number, before: RegExp = WORD_CHAR, after: RegExp = before): boolean {
  const previous = start > 0 ? text[start - 1] : undefined;
  const next = end < text.length ? text[end] : undefined;
  if (previous !== undefined && before.test(previous)) return false;
  return !(next !== undefined && after.test(next));
}

/** Runs a global regex over the text, calling `onMatch` until it returns false; empty matches cannot loop. */
export function forEachMatch(pattern: RegExp, text: string, onMatch: (match: RegExpExecArray) => boolean): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    if (!onMatch(match)) return;
  }
}
