/**
 * Which APIs a WAF web ACL protects: those an `AWS::WAFv2::WebACLAssociation` names, directly or
 * through one of their stages. An association's ARN names one stage; the API's other stages are
 * not behind the web ACL.
 */
import type { Api, AppModel, Resource } from '../app-model.js';
import { ModelIndex } from '../model-index.js';
import type { ResourceRef } from '../value.js';
import { restStageApiId } from './api-stage-facts.js';
import { webAclAssociationFacts } from './web-acl-association-facts.js';

/** By API id, the first web ACL association that names the API or one of its stages. */
export function webAclProtectedApis(model: AppModel): Map<string, Resource> {
  const index = ModelIndex.of(model);
  const out = new Map<string, Resource>();
  for (const r of model.resources) {
    for (const ref of webAclAssociationFacts(r)?.referenced ?? []) {
      const api = apiOfRef(index, ref);
      if (api && !out.has(api.id)) out.set(api.id, r);
    }
  }
  return out;
}

function apiOfRef(index: ModelIndex, ref: ResourceRef): Api | undefined {
  const direct = index.api(ref.target);
  if (direct) return direct;
  const stageApi = index.api(restStageApiId(index.resource(ref.target)));
  if (stageApi) return stageApi;
  // SAM names the stages it generates `<Api><StageName>Stage`.
  return index.model.apis.find((a) => ref.target.startsWith(a.id) && ref.target.endsWith('Stage'));
}
