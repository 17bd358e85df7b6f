/** Secrets detection: vendor formats, structures and named high-entropy values, with redaction and remediation. */
export type { SecretKind, SecretMatch, Confidence, DetectOptions } from './types.js';
export { detectSecretsInText, detectSecretsInTextDetailed, type TextDetection } from './detect-in-text.js';
export { classifyNamedValue } from './classify-named-value.js';
export { redact, redactSecretsInText } from './redact.js';
export { ValueRedactor, MIN_REDACTED_VALUE_CHARS } from './value-redactor.js';
export { isPlaceholder } from './placeholder.js';
export { betterHomeAdvice, type BetterHomeAdvice } from './better-home.js';
export { isSecretLikeName } from './secret-name.js';
export { shannonEntropy } from './entropy.js';
export { KIND_DESCRIPTIONS, kindInSentence } from './kinds.js';
export { GENERIC_THRESHOLDS } from './named-value-rules.js';
export { MAX_SCAN_CHARS, MAX_MATCHES_PER_TEXT, MAX_VALUE_CHARS, MAX_NAME_CHARS, MAX_PEM_CHARS } from './limits.js';
