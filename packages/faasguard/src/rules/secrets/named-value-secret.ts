/**
 * Whether a value written under a name is a secret: a plain value judged by its format, then by its
 * name; in a value built with `Fn::Sub` or `Fn::Join` only the literal parts are read, by format
 * alone (a vendor key is one whatever surrounds it, while a name says nothing about a fragment).
 * Shared by the rules on environment variables of functions and of containers.
 */
import { classifyNamedValue, type SecretMatch } from '../../secrets/index.js';
import { isComposite, type Value } from '../../model/value.js';

export function namedValueSecret(name: string, value: Value): SecretMatch | undefined {
  if (typeof value === 'string') return classifyNamedValue(name, value);
  if (!isComposite(value)) return undefined;
  for (const part of value.parts) {
    const match = typeof part === 'string' ? classifyNamedValue('', part) : undefined;
    if (match) return match;
  }
  return undefined;
}
