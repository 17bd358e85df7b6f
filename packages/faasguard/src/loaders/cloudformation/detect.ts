import type { TNode } from '../../parse/tree.js';
import { get, items, scalarString } from '../../parse/tree.js';

/**
 * The top-level sections CloudFormation accepts (plus SAM's `Globals`). CloudFormation rejects any
 * other key, so a document with one is something else that happens to mention a transform.
 */
const TEMPLATE_SECTIONS = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Hooks', 'Globals']);

/**
 * A document is a CloudFormation (or SAM) template when it declares a format version, or when it
 * holds only template sections and has a SAM transform or Resources of AWS (or custom) types.
 */
export function isCloudFormationTemplate(root: TNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  if (get(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  if (foreignSections(root).length > 0) return false;
  return hasSamTransform(root) || hasAwsResources(root);
}

/** Top-level keys that are not template sections. */
export function foreignSections(root: TNode): string[] {
  return root.kind === 'map' ? root.entries.map((e) => e.key).filter((k) => !TEMPLATE_SECTIONS.has(k)) : [];
}

export function hasAwsResources(root: TNode): boolean {
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map') return false;
  return resources.entries.some((e) => /^(AWS|Custom|Alexa)::/.test(scalarString(get(e.value, 'Type')) ?? ''));
}

export function hasSamTransform(root: TNode): boolean {
  return items(get(root, 'Transform')).some((t) => (scalarString(t) ?? '').startsWith('AWS::Serverless'));
}

/** Cheap test on the raw text before parsing, so most non-template files are never parsed. */
export function mayBeTemplate(text: string): boolean {
  return text.includes('AWSTemplateFormatVersion') || text.includes('AWS::') || text.includes('Custom::');
}
