/**
 * A pattern with AWS's wildcards (`*` any characters, `?` one character, as IAM actions, resource
 * ARNs, condition values, S3 bucket names and OpenSearch collection names write them) as a regular
 * expression that matches the whole text; every other character stands for itself.
 */
import { escapeRegExp } from './escape-regexp.js';

export function wildcardRegExp(pattern: string, flags = ''): RegExp {
  const source = pattern.split('*').map((part) => part.split('?').map(escapeRegExp).join('.')).join('.*');
  return new RegExp(`^${source}$`, flags);
}
