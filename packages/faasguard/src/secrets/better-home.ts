import type { SecretKind } from './types.js';

/** Where a secret found in a function's environment should live instead, and what the function then needs. */
export interface BetterHomeAdvice {
  store: 'secretsmanager' | 'ssm-securestring';
  /** One paragraph for the finding's remediation text. */
  text: string;
  /** Actions the function's execution role needs to read the secret (AWS managed key). */
  iamActions: string[];
  /** Extra action when the secret is encrypted with a customer managed KMS key. */
  customerKeyActions: string[];
}

/**
 * Kinds that are rotated, structured or shared between services: Secrets
 * Manager brings rotation (managed rotation for RDS credentials), versioning
 * and cross-account sharing, worth its per-secret price here. Single API
 * tokens are served as well, and cheaper, by an SSM SecureString parameter.
 */
const SECRETS_MANAGER_KINDS: ReadonlySet<SecretKind> = new Set<SecretKind>([
  'aws-secret-access-key',
  'private-key',
  'gcp-service-account',
  'azure-storage-key',
  'database-url-password',
  'url-credentials',
  'twilio-key',
]);

const RUNTIME_READ =
  'Read it at run time (cached outside the handler, or through the AWS Parameters and Secrets Lambda Extension) instead of ' +
  'placing it in the function environment, where anyone with lambda:GetFunctionConfiguration can read it in plain text. ' +
  'A {{resolve:...}} dynamic reference in Environment does not help: the resolved value still lands in the configuration.';

/** AWS keys need no store at all in Lambda: the execution role already signs requests. */
const AWS_KEY_TEXT =
  'Remove the access key: grant the function’s execution role the permissions the key was used for. ' +
  'If it must reach another account, assume a role there (sts:AssumeRole). If a long-term key is truly needed, ' +
  'store it in AWS Secrets Manager. ';

function secretsManagerAdvice(kind: SecretKind): BetterHomeAdvice {
  const lead = kind === 'aws-secret-access-key' ? AWS_KEY_TEXT : 'Store it in AWS Secrets Manager (rotation, versioning, audit). ';
  return {
    store: 'secretsmanager',
    text: `${lead}${RUNTIME_READ} The role needs secretsmanager:GetSecretValue on that secret (plus kms:Decrypt on the key if it uses a customer managed KMS key).`,
    iamActions: ['secretsmanager:GetSecretValue'],
    customerKeyActions: ['kms:Decrypt'],
  };
}

function parameterStoreAdvice(): BetterHomeAdvice {
  return {
    store: 'ssm-securestring',
    text:
      'Store it as an SSM Parameter Store SecureString parameter (or in AWS Secrets Manager if it needs rotation). ' +
      `${RUNTIME_READ} The role needs ssm:GetParameter on that parameter, read WithDecryption (plus kms:Decrypt on the key if it uses a customer managed KMS key).`,
    iamActions: ['ssm:GetParameter'],
    customerKeyActions: ['kms:Decrypt'],
  };
}

/** Safer home for a secret of `kind` found in a function's environment or template. */
export function betterHomeAdvice(kind: SecretKind): BetterHomeAdvice {
  if (kind === 'aws-access-key-id') return secretsManagerAdvice('aws-secret-access-key');
  return SECRETS_MANAGER_KINDS.has(kind) ? secretsManagerAdvice(kind) : parameterStoreAdvice();
}
