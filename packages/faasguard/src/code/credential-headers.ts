/**
 * Whether code expects credentials in the requests it is given: it names a request header that
 * carries them (`Authorization`, `Cookie`, `X-Api-Key` …) or reads the request's cookies. A handler
 * behind an open route or URL that names none (a webhook checking a signature, a public form) gets
 * no credentials in its headers; one that runs its own sign-in or sessions does.
 *
 * The headers are data: a name per row, matched quoted and without regard to case, as code looks
 * them up (`headers['authorization']`, `headers.get('Cookie')`); a property read is matched too
 * (`headers.Authorization`, `req.cookies`, Flask's `request.cookies`).
 */
import type { SourceLocation } from '../model/location.js';
import { LineIndex } from '../parse/line-index.js';
import { escapeRegExp } from '../util/escape-regexp.js';

export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
  'x-amz-security-token',
  'x-amzn-oidc-accesstoken',
];

const NAMED = new RegExp(`['"\`](?:${CREDENTIAL_HEADERS.map(escapeRegExp).join('|')})['"\`]|\\.\\s*(?:authorization|cookies)\\b`, 'i');

/** Where the file first names a credential header or reads cookies, if it does. */
export function credentialHeaderNamed(file: string, text: string): SourceLocation | undefined {
  const m = NAMED.exec(text);
  if (!m) return undefined;
  const { line, column } = new LineIndex(text).position(m.index);
  return { file, line, column };
}
