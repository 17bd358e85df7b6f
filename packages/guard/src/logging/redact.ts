/** Replacement text for anything redacted. */
export const REDACTED = '[REDACTED]';

/** Keys whose values are secrets whatever they hold. */
export const SECRET_KEY_PATTERN = new RegExp(
  [
    'pass(word|wd|phrase)?', 'secret', 'token', 'api[-_]?key', 'auth(orization)?', 'cookie', 'credential',
    'private[-_]?key', 'signature', 'session', 'card[-_]?number', '^pan$', 'cvv', 'cvc',
  ].join('|'),
  'i',
);

/** Value shapes that are secrets wherever they appear, each with the reason it is recognised. */
const SECRET_VALUE_PATTERNS: ReadonlyArray<RegExp> = [
  // JSON Web Tokens (three base64url parts, the first two JSON objects).
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  // Bearer and Basic credentials in header-like text.
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // AWS access key ids.
  /\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g,
  // PEM private keys.
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  // Provider tokens: Stripe, GitHub, Slack, Google API keys.
  /\b(sk|rk)_(live|test)_[A-Za-z0-9]{10,}/g,
  /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{30,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  // Credentials inside URLs: scheme://user:password@host.
  /(?<=[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+(?=@)/gi,
  // key=value pairs whose key names a secret, inside free text.
  /(?<=\b(password|passwd|secret|token|api[-_]?key)\s*[=:]\s*)[^\s&,;"']+/gi,
];

// Card numbers: 13 to 19 digits, optionally grouped by spaces or dashes; confirmed by the Luhn check.
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Redacts every secret-looking substring of a text. */
export function redactText(text: string): string {
  let out = text;
  for (const pattern of SECRET_VALUE_PATTERNS) out = out.replace(pattern, REDACTED);
  return out.replace(CARD_CANDIDATE, (match) => (luhnValid(match.replace(/[ -]/g, '')) ? REDACTED : match));
}

/**
 * Returns a copy of `value` with secrets removed: values under secret-named
 * keys are replaced whole, and strings anywhere are scrubbed of secret-shaped
 * substrings. Bounded in depth so that a hostile structure cannot stall logging.
 */
export function redact(value: unknown, extraKeys?: RegExp, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' && Number.isInteger(value) && String(value).length >= 13) {
    return luhnValid(String(value)) ? REDACTED : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 8) return '[TRUNCATED]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, extraKeys, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const secretKey = SECRET_KEY_PATTERN.test(key) || (extraKeys?.test(key) ?? false);
    out[key] = secretKey ? REDACTED : redact(item, extraKeys, depth + 1);
  }
  return out;
}
