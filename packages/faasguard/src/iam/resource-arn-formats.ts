/**
 * The ARN formats of each service's resource types, as the Service Authorization Reference gives
 * them (`secret:${SecretId}`, `table/${TableName}/index/${IndexName}`; the part after the account),
 * extracted at build time into `dist/data/iam-resource-arns.json` (scripts/build-iam-actions.mjs).
 * They tell whether a resource pattern that starts with a wildcard names every resource of its
 * service or only some: `*\/*` covers every DynamoDB table (`table/<name>`) but, for Secrets
 * Manager, whose ARNs read `secret:<name>`, only the secrets whose name holds a `/`.
 */
import { builtDataPath, readBuiltJson } from '../files/built-data.js';
import { wildcardRegExp } from '../util/wildcard-regexp.js';

let formats: Readonly<Record<string, readonly string[]>> | undefined;

/** Read on first use: only policies with such a pattern need it. */
function resourceFormats(): Readonly<Record<string, readonly string[]>> {
  formats ??= readBuiltJson(builtDataPath('iam-resource-arns.json'), 'the resource ARN formats') as Record<string, string[]>;
  return formats;
}

/**
 * Whether `pattern` (the ARN's part after the account, with IAM's `*` and `?`) matches a resource
 * of every name of one of the service's resource types: each `${Variable}` of the format is taken
 * as a plain name, without `/` or `:`. Undefined when the catalogue does not know the service.
 */
export function coversEveryResource(service: string, pattern: string, known = resourceFormats()): boolean | undefined {
  const list = Object.hasOwn(known, service) ? known[service] : undefined;
  if (list === undefined) return undefined;
  const re = wildcardRegExp(pattern);
  return list.some((format) => re.test(format.replace(/\$\{[^}]*\}/g, 'x')));
}
