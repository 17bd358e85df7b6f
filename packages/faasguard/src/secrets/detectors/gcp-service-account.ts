import { type Detector, forEachMatch } from '../hit.js';

/** `"private_key_id": "<40 hex>"`, also inside JSON that was escaped into a string. */
const KEY_ID = /\\?"private_key_id\\?"\s*:\s*\\?"([0-9a-f]{40})\\?"/g;

/**
 * A Google Cloud service account key file (JSON with `"type": "service_account"`).
 * Reported at its `private_key_id`, which names the key to revoke; the
 * embedded PEM is reported separately as a private key.
 */
export const gcpServiceAccountDetector: Detector = {
  name: 'gcp-service-account',
  detect(context) {
    const { text } = context;
    if (!text.includes('service_account') || !text.includes('private_key_id')) return;
    forEachMatch(KEY_ID, text, (match) => {
      const id = match[1] as string;
      const start = match.index + match[0].lastIndexOf(id);
      return context.add({ kind: 'gcp-service-account', confidence: 'high', start, end: start + id.length });
    });
  },
};
