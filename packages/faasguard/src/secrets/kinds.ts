import type { SecretKind } from './types.js';

/** Description shown to users for each kind. */
export const KIND_DESCRIPTIONS: Readonly<Record<SecretKind, string>> = {
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-access-key': 'AWS secret access key',
  'private-key': 'Private key (PEM block)',
  jwt: 'JSON Web Token',
  'bearer-token': 'Bearer token',
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack incoming webhook URL',
  'stripe-key': 'Stripe secret or restricted key',
  'twilio-key': 'Twilio credential',
  'sendgrid-key': 'SendGrid API key',
  'npm-token': 'npm access token',
  'google-api-key': 'Google API key',
  'azure-storage-key': 'Azure storage account key',
  'gcp-service-account': 'Google Cloud service account key',
  'database-url-password': 'Password in a database URL',
  'url-credentials': 'Password in a URL',
  'generic-secret': 'Hard-coded secret assigned to a secret-like name',
};

/** Kinds whose description starts with a common noun, not a name (AWS, GitHub, Stripe …). */
const COMMON_NOUN_KINDS: ReadonlySet<SecretKind> = new Set(['private-key', 'bearer-token', 'database-url-password', 'url-credentials', 'generic-secret']);

/** The description as it reads inside a sentence: a common noun in lower case, a name as written. */
export function kindInSentence(kind: SecretKind): string {
  const d = KIND_DESCRIPTIONS[kind];
  return COMMON_NOUN_KINDS.has(kind) ? d.charAt(0).toLowerCase() + d.slice(1) : d;
}

/**
 * When two hits overlap, the higher priority wins: a vendor format says more
 * than "Bearer <token>", which says more than a secret-like name.
 */
export const KIND_PRIORITY: Readonly<Record<SecretKind, number>> = {
  'aws-access-key-id': 90,
  'aws-secret-access-key': 80,
  'private-key': 95,
  jwt: 70,
  'bearer-token': 40,
  'github-token': 90,
  'gitlab-token': 90,
  'slack-token': 90,
  'slack-webhook': 90,
  'stripe-key': 90,
  'twilio-key': 85,
  'sendgrid-key': 90,
  'npm-token': 90,
  'google-api-key': 90,
  'azure-storage-key': 90,
  'gcp-service-account': 90,
  'database-url-password': 60,
  'url-credentials': 55,
  'generic-secret': 10,
};
