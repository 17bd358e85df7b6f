/**
 * Logical ids the SAM transform creates, so that references to them are not reported as broken.
 */
import type { TNode } from '../../parse/tree.js';
import { get, scalarString } from '../../parse/tree.js';
import type { Template } from '../cloudformation/template.js';

export function registerSamImplicitIds(template: Template): void {
  const ids = template.implicitIds;
  ids.add('ServerlessRestApi');
  ids.add('ServerlessHttpApi');
  ids.add('ServerlessRestApiDeployment');
  ids.add('ServerlessRestApiProdStage');
  for (const r of template.resources.values()) {
    if (r.type === 'AWS::Serverless::Function') addFunctionIds(ids, r.logicalId, r.node);
    if (r.type === 'AWS::Serverless::Api' || r.type === 'AWS::Serverless::HttpApi') {
      ids.add(`${r.logicalId}Deployment`);
      ids.add(`${r.logicalId}Stage`);
    }
  }
}

function addFunctionIds(ids: Set<string>, id: string, node: TNode): void {
  const p = get(node, 'Properties');
  ids.add(`${id}Role`);
  ids.add(`${id}Url`);
  ids.add(`${id}UrlPublicPermissions`);
  ids.add(`${id}EventInvokeConfig`);
  const alias = scalarString(get(p, 'AutoPublishAlias'));
  if (alias) ids.add(`${id}Alias${alias}`);
  const events = get(p, 'Events');
  if (events?.kind === 'map') for (const e of events.entries) ids.add(`${id}${e.key}Permission`);
}
