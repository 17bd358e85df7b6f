/**
 * Where the SAM transform moves a resource's references, for the dependency graph CloudFormation
 * sees after the transform. A function's event sources (`RestApiId`, `Queue`, `Stream`, `Topic` …)
 * end up in the permission, event source mapping, subscription or rule SAM generates, so the
 * function does not depend on them. An S3 event instead adds the function to the bucket's
 * notifications, a Cognito event to the user pool's triggers, and an API event to the OpenAPI
 * definition SAM writes for the API: those depend on the function.
 * A GraphQL API's data sources, functions and resolvers become resources of their own.
 */
import type { TNode } from '../../parse/tree.js';
import { get, scalarString } from '../../parse/tree.js';
import { splitGetAtt } from '../cloudformation/get-att.js';
import type { Template, TemplateResource } from '../cloudformation/template.js';
import { lookupTable } from '../../util/own-keys.js';

export interface MovedDependencies {
  /** Subtrees of the resource that become other resources */
  skipped: ReadonlySet<TNode>;
  /** Dependencies the transform adds from another resource (`from`) to this one (`to`) */
  added: Array<{ from: string; to: string }>;
}

/**
 * Event types whose source resource SAM rewrites to invoke the function, and the property naming
 * it. An API whose OpenAPI definition SAM writes (no DefinitionBody or DefinitionUri) gets each
 * route's integration URI, the function's ARN, in its body.
 */
const SOURCE_DEPENDS_ON_FUNCTION: Readonly<Record<string, string>> = lookupTable({ S3: 'Bucket', Cognito: 'UserPool', Api: 'RestApiId', HttpApi: 'ApiId' });
const GENERATED_DEFINITION: ReadonlySet<string> = new Set(['Api', 'HttpApi']);

const MOVED_PROPERTIES: Readonly<Record<string, readonly string[]>> = lookupTable({
  'AWS::Serverless::Function': ['Events'],
  'AWS::Serverless::StateMachine': ['Events'],
  'AWS::Serverless::GraphQLApi': ['DataSources', 'Functions', 'Resolvers'],
});

export function transformDependencies(template: Template, r: TemplateResource): MovedDependencies {
  const properties = get(r.node, 'Properties');
  const skipped = new Set<TNode>();
  for (const key of MOVED_PROPERTIES[r.type] ?? []) {
    const node = get(properties, key);
    if (node) skipped.add(node);
  }
  const added = r.type === 'AWS::Serverless::Function' ? sourcesDependingOnFunction(template, get(properties, 'Events'), r.logicalId) : [];
  return { skipped, added };
}

function sourcesDependingOnFunction(template: Template, events: TNode | undefined, functionId: string): Array<{ from: string; to: string }> {
  if (events?.kind !== 'map') return [];
  const out: Array<{ from: string; to: string }> = [];
  for (const e of events.entries) {
    const type = scalarString(get(e.value, 'Type')) ?? '';
    const property = SOURCE_DEPENDS_ON_FUNCTION[type];
    const source = property ? referencedLogicalId(get(get(e.value, 'Properties'), property)) : undefined;
    if (source === undefined) continue;
    if (GENERATED_DEFINITION.has(type) && !hasGeneratedDefinition(template, source)) continue;
    out.push({ from: source, to: functionId });
  }
  return out;
}

function hasGeneratedDefinition(template: Template, apiId: string): boolean {
  const api = template.resources.get(apiId);
  if (api?.type !== 'AWS::Serverless::Api' && api?.type !== 'AWS::Serverless::HttpApi') return false;
  const p = get(api.node, 'Properties');
  return get(p, 'DefinitionBody') === undefined && get(p, 'DefinitionUri') === undefined;
}

function referencedLogicalId(node: TNode | undefined): string | undefined {
  const ref = scalarString(get(node, 'Ref'));
  if (ref) return ref;
  const att = get(node, 'Fn::GetAtt');
  if (att?.kind === 'seq') return scalarString(att.items[0]);
  const text = scalarString(att);
  return text ? splitGetAtt(text)?.[0] : undefined;
}
