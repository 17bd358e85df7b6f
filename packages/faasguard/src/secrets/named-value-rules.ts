import type { Confidence, SecretKind } from './types.js';
import { characterClasses, shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { isObviouslyNotSecret } from './non-secret-value.js';
import { isAwsSecretName, isPasswordName, isSecretLikeName, mayBeSecretName, nameWords } from './secret-name.js';
import { MAX_VALUE_CHARS } from './limits.js';

/** Result of judging a value by the name it is assigned to. */
export interface NamedVerdict {
  kind: SecretKind;
  confidence: Confidence;
}

/**
 * Thresholds of the generic detector (README.md explains the choice).
 * Passwords are chosen by people, so they get a lower bar than keys/tokens,
 * which are machine-generated.
 */
export const GENERIC_THRESHOLDS = {
  password: { minLength: 8, minEntropy: 2.5, minClasses: 2, highEntropy: 3.0, highClasses: 3, highLength: 10 },
  other: { minLength: 12, minEntropy: 3.0, minClasses: 2, highEntropy: 3.5, highLength: 20 },
} as const;

const AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;
const HEX_32 = /^[0-9a-f]{32}$/;
/** Generated secrets are printable ASCII without blanks; prose and translations are not. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** Judges `value` assigned to `name`; vendor formats are checked elsewhere. Name first: it is the cheap test. */
export function judgeNamedValue(name: string, value: string): NamedVerdict | undefined {
  if (!mayBeSecretName(name)) return undefined;
  const awsName = isAwsSecretName(name);
  const twilioName = !awsName && nameWords(name).includes('twilio');
  if (!awsName && !twilioName && !isSecretLikeName(name)) return undefined;
  if (value.length > MAX_VALUE_CHARS || isPlaceholder(value) || isObviouslyNotSecret(value)) return undefined;
  if (awsName && AWS_SECRET_VALUE.test(value) && characterClasses(value) >= 3) return { kind: 'aws-secret-access-key', confidence: 'high' };
  if (twilioName && HEX_32.test(value)) return { kind: 'twilio-key', confidence: 'high' };
  if (!isSecretLikeName(name) || !PRINTABLE_ASCII.test(value)) return undefined;
  const confidence = isPasswordName(name) ? judgePassword(value) : judgeMachineSecret(value);
  return confidence === undefined ? undefined : { kind: 'generic-secret', confidence };
}

function judgePassword(value: string): Confidence | undefined {
  const t = GENERIC_THRESHOLDS.password;
  const entropy = shannonEntropy(value);
  const classes = characterClasses(value);
  if (value.length < t.minLength || entropy < t.minEntropy || classes < t.minClasses) return undefined;
  // Letters only is a word or an identifier (`allPass: 'overEvery'`), not a chosen password.
  if (!/[^A-Za-z]/.test(value)) return undefined;
  return entropy >= t.highEntropy && classes >= t.highClasses && value.length >= t.highLength ? 'high' : 'medium';
}

function judgeMachineSecret(value: string): Confidence | undefined {
  const t = GENERIC_THRESHOLDS.other;
  const entropy = shannonEntropy(value);
  if (value.length < t.minLength || entropy < t.minEntropy) return undefined;
  if (characterClasses(value) < t.minClasses || !/[0-9]/.test(value)) return undefined;
  return entropy >= t.highEntropy && value.length >= t.highLength ? 'high' : 'medium';
}
