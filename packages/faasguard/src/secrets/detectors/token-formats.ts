import type { Confidence, SecretKind } from '../types.js';
import { type Detector, type ScanContext, forEachMatch, isStandalone } from '../hit.js';
import { isPlaceholder } from '../placeholder.js';
import { shannonEntropy } from '../entropy.js';

/**
 * A vendor token recognisable by its own shape (prefix, alphabet, length), as
 * published by the vendor. Every pattern starts with a literal so the regex
 * engine skips ahead, and every repetition is bounded.
 */
export interface TokenFormat {
  kind: SecretKind;
  /** Global regex; the secret is capture group 1 when present, else the whole match. */
  pattern: RegExp;
  confidence: Confidence | ((value: string) => Confidence);
  /** Rejects hand-made look-alikes such as `ghp_aaaa…`; real tokens are random. */
  minEntropy: number;
  /** False for URLs, whose neighbours (`/`, `=`) are ordinary. */
  standalone: boolean;
}

/** Formats from vendor documentation; see README.md for sources and lengths. */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  // AWS: 20 characters, a 4-letter type prefix (AKIA long-term, ASIA STS, ABIA bearer, ACCA context).
  { kind: 'aws-access-key-id', pattern: /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}/g, confidence: 'high', minEntropy: 2.8, standalone: true },
  // GitHub: ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh; 36+ base62.
  { kind: 'github-token', pattern: /gh[pousr]_[A-Za-z0-9]{36,251}/g, confidence: 'high', minEntropy: 3.5, standalone: true },
  // GitHub fine-grained personal access token: github_pat_ + 22 + _ + 59.
  { kind: 'github-token', pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/g, confidence: 'high', minEntropy: 3.5, standalone: true },
  // GitLab: personal/project/group (glpat-), deploy (gldt-), runner (glrt-), trigger (glptt-), OAuth secret (gloas-).
  { kind: 'gitlab-token', pattern: /gl(?:pat|dt|rt|ptt|oas|cbt|soat|ffct)-[A-Za-z0-9_-]{20,64}(?:\.[A-Za-z0-9_-]{2,64}){0,2}/g, confidence: 'high', minEntropy: 3.0, standalone: true },
  // Slack: xoxb bot, xoxp user, xoxa/xoxr/xoxs/xoxe app, refresh and session tokens; workspace id then random parts.
  { kind: 'slack-token', pattern: /xox[abposre]-[0-9]{6,15}-[A-Za-z0-9-]{8,250}/g, confidence: 'high', minEntropy: 3.0, standalone: true },
  // Slack app-level token.
  { kind: 'slack-token', pattern: /xapp-[0-9]-[A-Z0-9]{8,15}-[0-9]{6,15}-[A-Za-z0-9]{32,80}/g, confidence: 'high', minEntropy: 3.0, standalone: true },
  // Slack incoming webhook: workspace T..., channel/bot B..., then the secret path part.
  { kind: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,12}\/[A-Za-z0-9]{16,48}/g, confidence: 'high', minEntropy: 3.0, standalone: false },
  // Stripe: secret (sk_) and restricted (rk_) keys; test-mode keys reach no money, hence medium.
  { kind: 'stripe-key', pattern: /[sr]k_(?:live|test)_[0-9A-Za-z]{20,247}/g, confidence: (value) => (value.includes('_live_') ? 'high' : 'medium'), minEntropy: 3.0, standalone: true },
  // Twilio API key SID: SK + 32 hex. An identifier whose secret is usually next to it, hence medium.
  { kind: 'twilio-key', pattern: /SK[0-9a-fA-F]{32}/g, confidence: 'medium', minEntropy: 2.8, standalone: true },
  // SendGrid: 69 characters, SG. + 22 + . + 43 base64url.
  { kind: 'sendgrid-key', pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g, confidence: 'high', minEntropy: 3.5, standalone: true },
  // npm granular/automation tokens: npm_ + 36 base62 (30 random + checksum).
  { kind: 'npm-token', pattern: /npm_[A-Za-z0-9]{36}/g, confidence: 'high', minEntropy: 3.5, standalone: true },
  // Google API key: AIza + 35 base64url.
  { kind: 'google-api-key', pattern: /AIza[0-9A-Za-z_-]{35}/g, confidence: 'high', minEntropy: 3.5, standalone: true },
  // Azure storage connection string: AccountKey= 64 bytes base64 (88 characters, ends ==).
  { kind: 'azure-storage-key', pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g, confidence: 'high', minEntropy: 4.0, standalone: false },
];

/** Runs one token format over the text. */
function detectFormat(format: TokenFormat, context: ScanContext): void {
  const { text } = context;
  forEachMatch(format.pattern, text, (match) => {
    const value = match[1] ?? match[0];
    const start = match.index + (match[1] === undefined ? 0 : match[0].length - value.length);
    const end = start + value.length;
    if (format.standalone && !isStandalone(text, start, end)) return true;
    if (isPlaceholder(value) || shannonEntropy(value) < format.minEntropy) return true;
    const confidence = typeof format.confidence === 'function' ? format.confidence(value) : format.confidence;
    return context.add({ kind: format.kind, confidence, start, end });
  });
}

/**
 * Whether any format matches anywhere in a text: one pass, where running each format is one pass per
 * format (a third of the time on a large report's strings, nearly none of which holds a token).
 */
const ANY_FORMAT = new RegExp(TOKEN_FORMATS.map((f) => f.pattern.source).join('|'));

/** All vendor token formats as one detector. */
export const tokenFormatDetector: Detector = {
  name: 'token-formats',
  detect(context) {
    if (!ANY_FORMAT.test(context.text)) return;
    for (const format of TOKEN_FORMATS) detectFormat(format, context);
  },
};
