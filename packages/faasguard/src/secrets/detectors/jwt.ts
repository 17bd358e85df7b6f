import { type Detector, forEachMatch } from '../hit.js';

/** Longest segment followed; a JWT longer than this is not a credential anyone pastes. */
const MAX_SEGMENT = 8192;
const MIN_SIGNATURE = 16;
const BASE64URL = /[A-Za-z0-9_-]/;

/** End of the base64url run starting at `from` (bounded). */
function runEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < MAX_SEGMENT && BASE64URL.test(text[i] as string)) i++;
  return i;
}

/** True when the header segment decodes to a JSON object with a string `alg`. */
function hasJwtHeader(segment: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** End offset of a JWT starting at `start`, or -1. */
function jwtEnd(text: string, start: number): { end: number; resumeAt: number } {
  const headerEnd = runEnd(text, start);
  if (text[headerEnd] !== '.') return { end: -1, resumeAt: headerEnd };
  const payloadEnd = runEnd(text, headerEnd + 1);
  if (payloadEnd - headerEnd < 3 || text[payloadEnd] !== '.') return { end: -1, resumeAt: headerEnd };
  const signatureEnd = runEnd(text, payloadEnd + 1);
  if (signatureEnd - payloadEnd - 1 < MIN_SIGNATURE) return { end: -1, resumeAt: headerEnd };
  if (!hasJwtHeader(text.slice(start, headerEnd))) return { end: -1, resumeAt: headerEnd };
  return { end: signatureEnd, resumeAt: signatureEnd };
}

const HEADER_START = /eyJ/g;

/**
 * Signed JSON Web Tokens: three base64url segments whose header is JSON with
 * `alg`. Medium confidence: many JWTs in code are public by design (anon keys)
 * or long expired. Scanning resumes after each failed run so nested `eyJ`
 * occurrences cost nothing more (linear).
 */
export const jwtDetector: Detector = {
  name: 'jwt',
  detect(context) {
    const { text } = context;
    forEachMatch(HEADER_START, text, (match) => {
      const start = match.index;
      if (start > 0 && BASE64URL.test(text[start - 1] as string)) return true;
      const { end, resumeAt } = jwtEnd(text, start);
      HEADER_START.lastIndex = Math.max(HEADER_START.lastIndex, resumeAt);
      if (end === -1) return true;
      return context.add({ kind: 'jwt', confidence: 'medium', start, end });
    });
  },
};
