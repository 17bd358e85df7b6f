import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';

/**
 * A document is a Serverless Framework service when it has a top-level `service` and `provider`.
 * Detection is by content, so `serverless.prod.yml` or `api.yml` are found as well.
 */
export function isServerlessConfig(root: TNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  return get(root, 'service') !== undefined && get(root, 'provider') !== undefined;
}

/** Cheap test on the raw text before parsing. */
export function mayBeServerlessConfig(text: string): boolean {
  return /(^|\n)\s*service\s*:|"service"\s*:/.test(text) && /(^|\n)\s*provider\s*:|"provider"\s*:/.test(text);
}
