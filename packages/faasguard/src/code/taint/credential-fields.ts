/**
 * Which fields of an event carry a credential, by name: what `event-logged` reports when a log
 * writes one, and what `hard-coded-credential-check` reports when the code compares one with text
 * written in it.
 */
import { lookupTable } from '../../util/own-keys.js';

const SECRET_FIELD = /authorization|password|passwd|secret|token|cookie|api[-_]?key|credential|session/i;
/** Counts of a model's tokens (`maxTokens`, `max_tokens`, `inputTokens`): numbers, not credentials. */
const TOKEN_COUNT = /tokens$|^(max|min|num|total)[-_]?tokens?$/i;
/**
 * Tokens that name a run, a request or a page rather than grant anything: a Step Functions or
 * durable execution's id handed back to the caller (`executionToken` set to API Gateway's request
 * id), a pagination cursor (`nextToken`, `continuation_token`), an idempotency key (a Secrets
 * Manager rotation's `ClientRequestToken`, the id of the version it makes). Whoever reads one in the
 * logs can replay nothing with it.
 */
const TOKEN_NOT_CREDENTIAL = /^(execution|(client[-_]?)?request|correlation|trace|idempotency|next|pagination|page|continuation|sync)[-_]?token$/i;
/**
 * Fields that name or describe a secret rather than hold it: a secret's id, ARN or name (a Secrets
 * Manager rotation event's `SecretId`), a token's type, a password's length, a session's expiry.
 */
const ABOUT_A_SECRET = /^secret[-_]?(id|arn|name)$|(type|length|len|expiry|expires|expiration|ttl)$/i;

export function isCredentialField(name: string): boolean {
  return SECRET_FIELD.test(name) && !TOKEN_COUNT.test(name) && !TOKEN_NOT_CREDENTIAL.test(name) && !ABOUT_A_SECRET.test(name);
}

/**
 * The credential a path from the event ends in: its last named field (`authorizationToken`,
 * `headers.x-api-key`, CloudFront's `headers.authorization[0].value`), or the values an HTTP API's Lambda authorizer receives (`identitySource`,
 * a list of what its identity sources name).
 */
export function credentialAt(path: ReadonlyArray<{ name: string }>): string | undefined {
  const named = path.filter((s) => s.name !== '*' && !/^\d+$/.test(s.name));
  // CloudFront lists each header's values as objects: `headers.authorization[0].value` is the header.
  if (named.length >= 3 && named[named.length - 1]!.name === 'value' && named[named.length - 3]!.name === 'headers') named.pop();
  const last = named[named.length - 1]?.name;
  if (last === undefined || (!isCredentialField(last) && last !== 'identitySource')) return undefined;
  const container = CONTAINERS[named[named.length - 2]?.name ?? ''];
  return container ? `${last} ${container}` : last;
}

/** How a credential is named by where the request carries it: the `x-api-key` header. */
const CONTAINERS: Readonly<Record<string, string>> = lookupTable({
  headers: 'header',
  multiValueHeaders: 'header',
  queryStringParameters: 'query parameter',
  multiValueQueryStringParameters: 'query parameter',
  cookies: 'cookie',
});
