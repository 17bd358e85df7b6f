/**
 * Names (environment variables, parameters, tags, object keys) whose value is
 * expected to be a credential.
 */

/** Matched against the name with separators removed and lower-cased: `DB_PASS` → `dbpass`. */
const SECRET_NAME = /passw(or)?d|passphrase|pwd|secret|token|credential|(api|private|access|signing|master|encryption|auth|app|session|hmac|jwt|client|license)key/;

/** Last words that turn a secret-like name into a name *about* a secret (where it is, how long it lives). */
const META_LAST_WORDS = new Set([
  'arn', 'name', 'names', 'id', 'ids', 'path', 'file', 'url', 'uri', 'endpoint', 'length', 'len', 'size', 'ttl',
  'expiry', 'expires', 'expiration', 'timeout', 'type', 'header', 'field', 'param', 'parameter', 'prefix',
  'suffix', 'region', 'version', 'count', 'enabled', 'policy', 'rotation', 'schema', 'hint', 'label',
  'format', 'pattern', 'regex', 'min', 'max', 'algorithm', 'alg', 'location', 'ref', 'key', 'store', 'provider',
]);

/** A name that mentions the secret store (`SecretsManagerSecretForMQ`, `SSM_TOKEN_PARAM`) names an entry of it: an ARN or a name, not the value. */
const STORE_REFERENCE = /secretsmanager|secretmanager|parameterstore/;

/**
 * A truststore holds public CA certificates: its password (Java's `changeit` by default) guards no
 * secret, unlike a keystore's, which guards a private key.
 */
const PUBLIC_STORE = /truststore/;

/** Words that make the value public by design. */
const PUBLIC_WORDS = new Set(['public', 'publishable', 'pub']);

/** Words of `PASS`-style names, where short human-chosen values are still secrets. */
const PASSWORD_WORD = /^(pass|passwd|password|passphrase|pwd|pw)$/;

/** Recently split names: the same few names recur through a file. Bounded. */
const wordCache = new Map<string, string[]>();
const WORD_CACHE_SIZE = 512;

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `db.password` into lower-case words. */
export function nameWords(name: string): string[] {
  const cached = wordCache.get(name);
  if (cached !== undefined) return cached;
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  const words = splitWords(name);
  wordCache.set(name, words);
  return words;
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** Cheap first test, run for every keyword hit in a text: no splitting into words. */
export function mayBeSecretName(name: string): boolean {
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAME.test(compact) || /pass|pw/.test(compact);
}

/** True when a value assigned to `name` should be a secret. */
export function isSecretLikeName(name: string): boolean {
  if (!mayBeSecretName(name)) return false;
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words.some((word) => PUBLIC_WORDS.has(word))) return false;
  const last = words[words.length - 1] as string;
  const joined = words.join('');
  if (STORE_REFERENCE.test(joined) || words.includes('ssm') || PUBLIC_STORE.test(joined)) return false;
  if (isMetaName(last, joined)) return false;
  return SECRET_NAME.test(joined) || words.some((word) => PASSWORD_WORD.test(word));
}

/** `API_KEY` ends in `key` but is the secret itself; `SECRET_KEY_NAME` is not. */
function isMetaName(last: string, joined: string): boolean {
  if (!META_LAST_WORDS.has(last)) return false;
  if (last !== 'key') return true;
  return !/(api|private|access|secret|signing|master|encryption|auth|app|session|hmac|jwt|client|license)key$/.test(joined);
}

/** True for password-style names, which accept lower-entropy values. */
export function isPasswordName(name: string): boolean {
  const words = nameWords(name);
  return words.some((word) => PASSWORD_WORD.test(word)) || /passw(or)?d|passphrase|pwd$/.test(words.join(''));
}

/** Names of an AWS secret access key (`aws_secret_access_key`, `SecretAccessKey`, `AWS_SECRET`). */
export function isAwsSecretName(name: string): boolean {
  const joined = nameWords(name).join('');
  return /secretaccesskey|awssecret|secretkey$/.test(joined);
}
