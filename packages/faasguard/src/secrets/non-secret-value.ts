/**
 * Values that cannot be a credential whatever the name they are assigned to:
 * flags, numbers, plain URLs, ARNs, paths, host names. Used by the generic
 * (name + entropy) detector only; vendor formats never reach this.
 */

const KEYWORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'required', 'optional']);

const NON_SECRET_PATTERNS: readonly RegExp[] = [
  /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?[a-zA-Z]{0,3}$/, // 42, 3.5, 30s, 512MB
  /^arn:[a-z0-9-]+:/i, // ARNs name a resource, they grant nothing
  /^(\/|\.\/|\.\.\/|~\/)[^\s]*$/, // file system paths
  /^[\w.-]+\.(js|mjs|cjs|ts|json|ya?ml|txt|pem|crt|key|env|zip|jar|py|sh|html?)$/i, // file names
  /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i, // URLs without user info
  /^[a-z0-9-]+(\.[a-z0-9-]+)+$/, // host names, dotted config keys
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/, // e-mail addresses
  /^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/, // dates
  /^v?\d+\.\d+(\.\d+)?([-+][\w.]+)?$/, // versions
  /^(alias|ssm|secretsmanager|kms|s3):/i, // store references
];

/** Member expressions and calls: code reading a secret from elsewhere, e.g. `process.env.X`. */
const EXPRESSION = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^)]*\))+$/;

/**
 * Separated words such as `x-aws-ec2-metadata-token` or `STRING_VALUE`: header
 * names, enum values, resource names. Every part is a word or at most 4
 * characters, which random tokens and UUIDs never are.
 */
function isIdentifierLike(value: string): boolean {
  const parts = value.split(/[-_.]/);
  if (parts.length < 2) return false;
  return parts.every((part) => /^[A-Za-z]+$/.test(part) || /^[A-Za-z0-9]{0,4}$/.test(part));
}

/** True when `value` is obviously not a secret (see the list above). */
export function isObviouslyNotSecret(value: string): boolean {
  const trimmed = value.trim();
  if (KEYWORDS.has(trimmed.toLowerCase())) return true;
  if (EXPRESSION.test(trimmed) || isIdentifierLike(trimmed)) return true;
  return NON_SECRET_PATTERNS.some((pattern) => pattern.test(trimmed));
}
