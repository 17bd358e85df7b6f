import type { Confidence, SecretKind } from '../types.js';
import { type Detector, type ScanContext, forEachMatch, isStandalone } from '../hit.js';
import { PAIR_WINDOW_LINES } from '../limits.js';
import { characterClasses, shannonEntropy } from '../entropy.js';
import { isPlaceholder } from '../placeholder.js';

/**
 * Secrets with no shape of their own (40 base64 characters, 32 hex digits) are
 * everywhere in generated files; they are reported only next to the public
 * half of the same credential, which makes them near-certain.
 */
interface PairRule {
  kind: SecretKind;
  confidence: Confidence;
  /** The public half, e.g. an AWS access key id. */
  anchor: RegExp;
  /** The secret half, searched within `PAIR_WINDOW_LINES` lines of an anchor. */
  candidate: RegExp;
  /** Neighbours that would make a candidate part of a longer run. */
  boundary: RegExp;
  accepts(value: string): boolean;
}

/** Characters searched on each side of an anchor, so one huge line stays cheap. */
const WINDOW_CHARS = 4096;

const PAIR_RULES: readonly PairRule[] = [
  {
    // AWS secret access key: 40 characters of base64; real ones mix cases and digits, git SHAs (hex) do not.
    kind: 'aws-secret-access-key',
    confidence: 'high',
    anchor: /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}/g,
    candidate: /[A-Za-z0-9/+]{40}/g,
    boundary: /[A-Za-z0-9/+=]/,
    accepts: (value) => characterClasses(value) >= 3 && shannonEntropy(value) >= 4.0,
  },
  {
    // Twilio auth token: 32 lower-case hex next to the account SID (AC + 32 hex).
    kind: 'twilio-key',
    confidence: 'high',
    anchor: /AC[0-9a-fA-F]{32}/g,
    candidate: /[0-9a-f]{32}/g,
    boundary: /[A-Za-z0-9]/,
    accepts: (value) => /[a-f]/.test(value) && /[0-9]/.test(value) && shannonEntropy(value) >= 3.0,
  },
];

/** Merged character ranges around every standalone anchor. */
function anchorWindows(rule: PairRule, context: ScanContext): Array<[number, number]> {
  const { text, lines } = context;
  const windows: Array<[number, number]> = [];
  forEachMatch(rule.anchor, text, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    if (!isStandalone(text, start, end)) return true;
    const line = lines.lineIndex(start);
    const from = Math.max(lines.lineStart(line - PAIR_WINDOW_LINES), start - WINDOW_CHARS);
    const lastLineEnd = line + PAIR_WINDOW_LINES + 1 >= lines.lineCount ? text.length : lines.lineStart(line + PAIR_WINDOW_LINES + 1);
    const to = Math.min(lastLineEnd, end + WINDOW_CHARS);
    const previous = windows[windows.length - 1];
    if (previous !== undefined && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else windows.push([from, to]);
    return true;
  });
  return windows;
}

function detectPairs(rule: PairRule, context: ScanContext): void {
  const { text } = context;
  for (const [from, to] of anchorWindows(rule, context)) {
    const slice = text.slice(from, to);
    let open = true;
    forEachMatch(rule.candidate, slice, (match) => {
      const start = from + match.index;
      const end = start + match[0].length;
      if (!isStandalone(text, start, end, rule.boundary)) return true;
      if (isPlaceholder(match[0]) || !rule.accepts(match[0])) return true;
      open = context.add({ kind: rule.kind, confidence: rule.confidence, start, end });
      return open;
    });
    if (!open) return;
  }
}

/** AWS secret keys near access key ids, Twilio auth tokens near account SIDs. */
export const pairedSecretDetector: Detector = {
  name: 'paired-secrets',
  detect(context) {
    for (const rule of PAIR_RULES) detectPairs(rule, context);
  },
};
