/**
 * Which values the AWS SDK made are clients, whose methods are AWS operations: `new KMSClient()`,
 * `new AWS.SecretsManager()`, `DynamoDBDocumentClient.from(…)`, `boto3.client('kms')`,
 * `boto3.resource('dynamodb').Table('orders')`, a paginator. An operation's answer and its parts
 * are not (`kms.decrypt(…)`, its `Plaintext`): a string method called on them (`.decode()`,
 * `.trim()`, `.get('SecretString')`) is no AWS call, and what it returns is what it was given.
 */

/** Calls that make a client: the SDKs' lower-case factories (a constructor or resource is capitalised). */
const CLIENT_MAKERS: ReadonlySet<string> = new Set(['client', 'resource', 'from', 'get_paginator', 'get_waiter', 'getPaginator']);

/** `members`: the SDK value's path from its module (`['client', '()']`), as the evaluators keep it. */
export function isSdkClient(members: readonly string[]): boolean {
  if (members.at(-1) !== '()') return false;
  const maker = members.at(-2);
  return maker !== undefined && (/^[A-Z]/.test(maker) || CLIENT_MAKERS.has(maker));
}
