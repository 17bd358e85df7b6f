import { type Detector, forEachMatch } from '../hit.js';
import { shannonEntropy } from '../entropy.js';
import { isPlaceholder } from '../placeholder.js';

const BEARER = /[Bb]earer[ \t]+/g;
const TOKEN_CHAR = /[A-Za-z0-9._~+/-]/;
const MIN_LENGTH = 20;
const MAX_LENGTH = 2048;

/** Token (RFC 6750 b64token) following `Bearer `, bounded. */
function tokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < MAX_LENGTH && TOKEN_CHAR.test(text[i] as string)) i++;
  while (text[i] === '=') i++;
  return i;
}

/** Literal tokens, not prose ("Bearer authentication") nor variables. */
function looksLikeToken(token: string): boolean {
  if (token.length < MIN_LENGTH || isPlaceholder(token)) return false;
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  return shannonEntropy(token) >= 3.5;
}

/** `Authorization: Bearer <literal token>` in code, config and captured requests. */
export const bearerTokenDetector: Detector = {
  name: 'bearer-token',
  detect(context) {
    const { text } = context;
    forEachMatch(BEARER, text, (match) => {
      if (match.index > 0 && /[A-Za-z0-9_]/.test(text[match.index - 1] as string)) return true;
      const start = match.index + match[0].length;
      const end = tokenEnd(text, start);
      if (!looksLikeToken(text.slice(start, end))) return true;
      return context.add({ kind: 'bearer-token', confidence: 'medium', start, end });
    });
  },
};
