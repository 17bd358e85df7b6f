/**
 * Calls whose answer holds a secret's value, as data: the taint analysis gives what they return a
 * `secret` origin, and `secret-logged` reports the logs it reaches. A Secrets Manager response holds
 * the value in a few fields only (its ARN, name, version and dates are not secret); what
 * Powertools' parameter utilities return is the value itself. A KMS `Decrypt` (or `GenerateDataKey`)
 * response holds the plaintext in `Plaintext`, and the AWS Encryption SDK's `decrypt` answers with
 * `plaintext`: what only the key's users could read (a Cognito custom sender's one-time code, a
 * data key).
 */
import type { SourceLocation } from '../../model/location.js';
import type { Origin, Step, Taint, Value } from './types.js';

export interface SecretRead {
  /** How a finding names the call */
  how: string;
  /** `response`: a service response, secret only in {@link SECRET_FIELDS}; `value`: the secret itself */
  answer: 'response' | 'value';
  /** Decrypted with a KMS key, not read from a secret store */
  decrypted?: true;
}

/**
 * The fields of a response that hold the value: Secrets Manager's (a batch's list of them too), KMS's
 * `Plaintext`, the Encryption SDK's `plaintext`.
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['SecretString', 'SecretBinary', 'SecretValues', 'Plaintext', 'plaintext']);

const SECRETS_MANAGER_OPERATIONS: Readonly<Record<'javascript' | 'python', ReadonlySet<string>>> = {
  javascript: new Set(['getSecretValue', 'batchGetSecretValue']),
  python: new Set(['get_secret_value', 'batch_get_secret_value']),
};

/** Commands of the AWS SDK for JavaScript v3 sent with `client.send(new GetSecretValueCommand(…))`. */
const SECRETS_MANAGER_COMMANDS: ReadonlySet<string> = new Set(['GetSecretValueCommand', 'BatchGetSecretValueCommand']);

/** KMS operations whose response carries a plaintext: a decrypted ciphertext, a new data key. */
const KMS_OPERATIONS: Readonly<Record<'javascript' | 'python', ReadonlySet<string>>> = {
  javascript: new Set(['decrypt', 'generateDataKey']),
  python: new Set(['decrypt', 'generate_data_key']),
};

const KMS_COMMANDS: ReadonlySet<string> = new Set(['DecryptCommand', 'GenerateDataKeyCommand']);

/** The AWS Encryption SDK's `decrypt` (from `buildClient(…)`), answering `{ plaintext, messageHeader }`. */
const ENCRYPTION_SDK: Readonly<Record<'javascript' | 'python', RegExp>> = {
  javascript: /^@aws-crypto\/client-(?:node|browser)$/,
  python: /^aws_encryption_sdk$/,
};

/** Powertools' parameter utilities: `getSecret(name)` (TypeScript), `parameters.get_secret(name)` (Python). */
const POWERTOOLS: Readonly<Record<'javascript' | 'python', { module: RegExp; method: string }>> = {
  javascript: { module: /^@aws-lambda-powertools\/parameters/, method: 'getSecret' },
  python: { module: /^aws_lambda_powertools/, method: 'get_secret' },
};

interface CallView {
  module?: string;
  method: string;
}

/**
 * What a call reads, when it reads a secret: `sdkOperation` says whether the receiver is a client of
 * the AWS SDK (boto3's, or the JavaScript SDK's), whose operation this call is.
 */
export function secretRead(language: 'javascript' | 'python', callee: CallView, sdkOperation: boolean, args: readonly Value[]): SecretRead | undefined {
  const powertools = POWERTOOLS[language];
  if (callee.module !== undefined && powertools.module.test(callee.module) && callee.method === powertools.method) return { how: callee.method, answer: 'value' };
  if (callee.module !== undefined && ENCRYPTION_SDK[language].test(callee.module) && callee.method === 'decrypt') return { how: "the AWS Encryption SDK's decrypt", answer: 'response', decrypted: true };
  if (!sdkOperation) return undefined;
  if (SECRETS_MANAGER_OPERATIONS[language].has(callee.method)) return { how: callee.method, answer: 'response' };
  if (KMS_OPERATIONS[language].has(callee.method)) return { how: `KMS ${callee.method}`, answer: 'response', decrypted: true };
  if (language !== 'javascript' || callee.method !== 'send') return undefined;
  const members = args[0]?.api?.members ?? [];
  const command = members.find((m) => SECRETS_MANAGER_COMMANDS.has(m));
  if (command) return { how: command, answer: 'response' };
  const kms = members.find((m) => KMS_COMMANDS.has(m));
  return kms ? { how: `KMS ${kms}`, answer: 'response', decrypted: true } : undefined;
}

/** Whether a `secret` origin, after its accesses, is (or holds) the secret's value. */
export function holdsSecretValue(origin: Extract<Origin, { kind: 'secret' }>): boolean {
  if (origin.answer === 'value' || origin.inWhole) return true;
  const first = origin.path[0]?.name;
  return first === undefined || SECRET_FIELDS.has(first);
}

/** What a secret read answers: data of `secret` origin, from the call at `loc`. */
export function secretTaint(read: SecretRead, loc: SourceLocation, step: Step): Taint {
  return { origin: { kind: 'secret', loc, how: read.how, answer: read.answer, path: [], ...(read.decrypted ? { decrypted: true as const } : {}) }, steps: [step], sanitized: new Set() };
}

/**
 * Taints written somewhere into a whole whose field they went to is not known (a computed key, a
 * deeper part): a secret among them is marked `inWhole`, so that logging the whole logs it while a
 * field read of the whole does not carry it.
 */
export function somewhereIn(taints: readonly Taint[]): Taint[] {
  return taints.map((t) => (t.origin.kind === 'secret' && !t.origin.inWhole ? { ...t, origin: { ...t.origin, inWhole: true as const } } : t));
}
