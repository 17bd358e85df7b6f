/**
 * The OpenAPI definition of an API resource: written in the template (`DefinitionBody`, `Body`,
 * possibly brought in by AWS::Include), or a local file that the packaging step uploads
 * (`DefinitionUri`, or `BodyS3Location` written as a path). A definition in S3 cannot be read: it is
 * noted once, and the API's routes then come only from what the template says elsewhere.
 */
import { display, isValueMap, type ValueMap } from '../../model/value.js';
import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import { TRANSFORM_KEY } from '../cloudformation/include-transform.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import { props } from '../cloudformation/load-context.js';
import { isRemote, readLocalTree } from '../cloudformation/local-file.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { lookupTable } from '../../util/own-keys.js';

/** The definition's tree (for locations) beside its evaluated value (for meaning). */
export interface ApiDefinition {
  node: TNode;
  value: ValueMap;
}

/** Property holding the definition in the template, and property naming a file that holds it. */
const PROPERTIES: Readonly<Record<string, { inline: string; file: string }>> = lookupTable({
  'AWS::Serverless::Api': { inline: 'DefinitionBody', file: 'DefinitionUri' },
  'AWS::Serverless::HttpApi': { inline: 'DefinitionBody', file: 'DefinitionUri' },
  'AWS::ApiGateway::RestApi': { inline: 'Body', file: 'BodyS3Location' },
  'AWS::ApiGatewayV2::Api': { inline: 'Body', file: 'BodyS3Location' },
});

export function apiDefinition(ctx: LoadContext, r: TemplateResource): ApiDefinition | undefined {
  const names = PROPERTIES[r.type];
  if (!names) return undefined;
  const inline = get(props(r), names.inline);
  if (inline) return inlineDefinition(ctx, r, names.inline, inline);
  const file = get(props(r), names.file);
  return file ? fileDefinition(ctx, r, names.file, file) : undefined;
}

function inlineDefinition(ctx: LoadContext, r: TemplateResource, key: string, node: TNode): ApiDefinition | undefined {
  // The resource's properties are evaluated already: evaluating again would repeat its diagnostics.
  const value = ctx.builder.resource(ctx.template.resourceId(r.logicalId))?.properties[key];
  if (isValueMap(value)) return { node, value };
  // A transform left in place was reported where includes are expanded.
  if (get(node, TRANSFORM_KEY) === undefined) notRead(ctx, `the ${key} of ${r.logicalId} is known only at deploy time (${display(value)})`, node);
  return undefined;
}

function fileDefinition(ctx: LoadContext, r: TemplateResource, key: string, node: TNode): ApiDefinition | undefined {
  const location = ctx.ev.value(node);
  if (typeof location !== 'string' || isRemote(location)) {
    notRead(ctx, `the ${key} of ${r.logicalId} is in S3 (${display(location)}), not in the scanned directory`, node);
    return undefined;
  }
  if (!ctx.reader) {
    notRead(ctx, `the ${key} of ${r.logicalId} (${location}) is not read for this format`, node);
    return undefined;
  }
  const tree = readLocalTree(ctx.reader, location, `${key} ${location}`, node.loc, ctx.template.diagnostics);
  const value = tree ? ctx.ev.value(tree.root) : undefined;
  return tree && isValueMap(value) ? { node: tree.root, value } : undefined;
}

function notRead(ctx: LoadContext, message: string, node: TNode): void {
  ctx.template.diagnostics.note('openapi-not-read', `${message}: the routes it defines are not known`, node.loc);
}
