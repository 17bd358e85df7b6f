import type { TNode } from '../../parse/tree.js';
import { get, items, scalarString } from '../../parse/tree.js';

/**
 * A document is a CloudFormation (or SAM) template when it declares a format version, a SAM
 * transform, or has Resources whose types are AWS (or custom) resource types.
 */
export function isCloudFormationTemplate(root: TNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  if (get(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  if (hasSamTransform(root)) return true;
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map' || resources.entries.length === 0) return false;
  return resources.entries.some((e) => /^(AWS|Custom|Alexa)::/.test(scalarString(get(e.value, 'Type')) ?? ''));
}

export function hasSamTransform(root: TNode): boolean {
  return items(get(root, 'Transform')).some((t) => (scalarString(t) ?? '').startsWith('AWS::Serverless'));
}

/** Cheap test on the raw text before parsing, so most non-template files are never parsed. */
export function mayBeTemplate(text: string): boolean {
  return text.includes('AWSTemplateFormatVersion') || text.includes('AWS::') || text.includes('Custom::');
}
