import { type Detector, forEachMatch } from '../hit.js';
import { MAX_PEM_CHARS } from '../limits.js';

const BEGIN = /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----/g;

/**
 * After the BEGIN line a real key has base64 body (possibly after legacy
 * headers, possibly as JSON with `\n` escapes or as concatenated strings).
 * A bare marker is code that *handles* keys, e.g. `pem.startsWith(...)`.
 */
const BODY = /^(?:\s|\\[nr]|["'+,])*(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash):[^\n]*(?:\n|\\n))*(?:\s|\\[nr])*([A-Za-z0-9+/]{32})/;

/** Documentation elides bodies: `MIIEv...`, `xxxx`. */
const ELIDED = /\.\.\.|\u2026|xxxx|<[^>]*>/i;

/** PEM private key blocks, reported from the BEGIN line to the END line. */
export const privateKeyDetector: Detector = {
  name: 'private-key',
  detect(context) {
    const { text } = context;
    forEachMatch(BEGIN, text, (match) => {
      const start = match.index;
      const afterMarker = start + match[0].length;
      const head = text.slice(afterMarker, afterMarker + 512);
      const body = BODY.exec(head);
      if (body === null || ELIDED.test(head.slice(0, 160))) return true;
      const endMarker = text.indexOf('-----END', afterMarker);
      const withinBlock = endMarker !== -1 && endMarker - start <= MAX_PEM_CHARS;
      const close = withinBlock ? text.indexOf('-----', endMarker + 8) : -1;
      const end = close !== -1 && close - start <= MAX_PEM_CHARS ? close + 5 : afterMarker;
      BEGIN.lastIndex = Math.max(BEGIN.lastIndex, end);
      return context.add({ kind: 'private-key', confidence: 'high', start, end });
    });
  },
};
