/**
 * Kinds of credential the secrets library recognises. The scanner maps each
 * kind to a rule message; `better-home.ts` maps each kind to a safer store.
 */
export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'private-key'
  | 'jwt'
  | 'bearer-token'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-key'
  | 'twilio-key'
  | 'sendgrid-key'
  | 'npm-token'
  | 'google-api-key'
  | 'azure-storage-key'
  | 'gcp-service-account'
  | 'database-url-password'
  | 'url-credentials'
  | 'generic-secret';

/** `high`: a vendor format or a checked structure; `medium`: heuristics (names, entropy, proximity, test keys). */
export type Confidence = 'high' | 'medium';

/** One detected secret. Never carries the secret itself, only its redaction. */
export interface SecretMatch {
  kind: SecretKind;
  /** Human text, e.g. "AWS secret access key". */
  description: string;
  confidence: Confidence;
  /** 1-based line within the text scanned (for a named value: within the value). */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
  /** Characters of the secret value. */
  length: number;
  /** First/last few characters at most, e.g. "AKIA…MPLE"; short values fully masked. */
  redacted: string;
}

/** Options of `detectSecretsInText`. */
export interface DetectOptions {
  /** Used to tell code (string literals only) from config (.env, YAML, JSON) for generic assignments. */
  fileName?: string;
  /** Characters scanned from the start of the text; defaults to `MAX_SCAN_CHARS`. */
  maxChars?: number;
}
