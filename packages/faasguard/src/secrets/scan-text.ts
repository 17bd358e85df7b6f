import type { DetectOptions } from './types.js';
import type { Detector, RawHit, ScanContext } from './hit.js';
import { LineIndex } from '../parse/line-index.js';
import { KIND_PRIORITY } from './kinds.js';
import { MAX_MATCHES_PER_TEXT, MAX_SCAN_CHARS } from './limits.js';
import { ALL_DETECTORS } from './detectors/index.js';

/** Outcome of scanning one text: hits on the scanned prefix and whether the text was cut. */
export interface TextScan {
  /** The text actually scanned (a prefix of the input when truncated). */
  scanned: string;
  lines: LineIndex;
  /** Non-overlapping hits, ordered by offset. */
  hits: RawHit[];
  /** True when the input was longer than the cap and its tail was not scanned. */
  truncated: boolean;
}

/** Extensions of program source, where only string literals are hard-coded values. */
const CODE_EXTENSION = /\.(c|m)?[jt]sx?$|\.(py|rb|go|java|kt|kts|cs|php|rs|swift|scala|groovy|dart)$/i;

/** Raw hits allowed before overlap resolution (several detectors may flag one value). */
const RAW_HIT_BUDGET = MAX_MATCHES_PER_TEXT * 4;

/** Cuts at the last line break before `max` when one is near, so no line is split. */
function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const newline = text.lastIndexOf('\n', max);
  return newline > max - 65536 && newline > 0 ? text.slice(0, newline) : text.slice(0, max);
}

/** Keeps, among overlapping hits, the one of the most specific kind. Input sorted by start. */
function resolveOverlaps(hits: RawHit[]): RawHit[] {
  const kept: RawHit[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last === undefined || hit.start >= last.end) kept.push(hit);
    else if (KIND_PRIORITY[hit.kind] > KIND_PRIORITY[last.kind]) kept[kept.length - 1] = hit;
  }
  return kept;
}

/** Runs `detectors` over `text` (capped) and returns non-overlapping hits. */
export function scanText(text: string, options: DetectOptions = {}, detectors: readonly Detector[] = ALL_DETECTORS): TextScan {
  const scanned = capText(text, options.maxChars ?? MAX_SCAN_CHARS);
  const lines = new LineIndex(scanned);
  const raw: RawHit[] = [];
  const context: ScanContext = {
    text: scanned,
    lines,
    isCode: options.fileName !== undefined && CODE_EXTENSION.test(options.fileName),
    add(hit) {
      if (raw.length >= RAW_HIT_BUDGET) return false;
      raw.push(hit);
      return raw.length < RAW_HIT_BUDGET;
    },
  };
  for (const detector of detectors) detector.detect(context);
  raw.sort((a, b) => a.start - b.start || KIND_PRIORITY[b.kind] - KIND_PRIORITY[a.kind]);
  const hits = resolveOverlaps(raw).slice(0, MAX_MATCHES_PER_TEXT);
  return { scanned, lines, hits, truncated: scanned.length < text.length };
}
