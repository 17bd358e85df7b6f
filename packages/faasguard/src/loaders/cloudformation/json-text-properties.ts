/**
 * Properties that arrive as JSON text and the model reads as a document (an OpenSearch Serverless
 * policy; a container definition as Terraform writes it): text that is not JSON is a warning at its
 * line, since AWS refuses it, and the document is then not judged.
 */
import { parseJsonText } from '../../model/json-text.js';
import { Composite } from '../../model/value.js';
import { prop, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

export function checkJsonTextPolicy(ctx: LoadContext, r: TemplateResource): void {
  const { value, loc } = prop(ctx, r, 'Policy');
  if (typeof value !== 'string' && !(value instanceof Composite)) return;
  if (parseJsonText(value) !== undefined) return;
  ctx.template.diagnostics.warning('malformed-policy', `the Policy of ${r.logicalId} is text that is not JSON: AWS would refuse it, and it is not judged`, loc);
}

/** An ECS task definition's or Batch job definition's containers, which Terraform writes as JSON text. */
export function checkJsonTextContainers(ctx: LoadContext, r: TemplateResource): void {
  const property = r.type === 'AWS::Batch::JobDefinition' ? 'ContainerProperties' : 'ContainerDefinitions';
  const { value, loc } = prop(ctx, r, property);
  if (typeof value !== 'string' && !(value instanceof Composite)) return;
  if (parseJsonText(value) !== undefined) return;
  ctx.template.diagnostics.warning('malformed-container-definitions', `the ${property} of ${r.logicalId} is text that is not JSON: AWS would refuse it, and its containers are not judged`, loc);
}
