/**
 * The API that a method, route, stage or authorizer belongs to, from its `RestApiId` or `ApiId`.
 * When that names an API the template does not declare (an import, a parameter, a literal id, an
 * output of a custom resource or a nested stack), the API is defined elsewhere: one model element
 * per template and reference stands for it, so that the template's own resources on it are still
 * judged. They were dropped before, with nothing said: an open method of an imported API went unseen.
 */
import type { Api, ApiProtocol } from '../../model/app-model.js';
import { apiDefinedElsewhereId, apiReferenceText } from '../../model/api-defined-elsewhere.js';
import { referencedResource } from '../../model/value.js';
import { prop, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

/** `protocol`: what the child's type says of its API (REST for `AWS::ApiGateway::*`; `http` for v2, until a route says WebSocket). */
export function apiOfChild(ctx: LoadContext, r: TemplateResource, key: 'RestApiId' | 'ApiId', protocol: ApiProtocol): Api | undefined {
  const { value, loc } = prop(ctx, r, key);
  if (value === undefined || value === null) return undefined;
  const ref = referencedResource(value);
  if (ref) {
    const api = ctx.builder.api(ref.target);
    // A Ref to a resource that is no API is a mistake AWS rejects; an attribute of one (a custom
    // resource's output, a nested stack's `Outputs.ApiId`) names an API defined elsewhere.
    if (api || ref.attribute === undefined) return api;
  }
  const id = apiDefinedElsewhereId(ctx.template.stackId, value);
  const known = ctx.builder.api(id);
  if (known) return known;
  const name = apiReferenceText(value);
  const api: Api = {
    id,
    logicalId: name,
    stack: ctx.template.stackId,
    loc,
    protocol,
    implicit: false,
    authorizers: [],
    apiKeyRequiredByDefault: false,
    stages: [],
    disableExecuteApiEndpoint: false,
    definedElsewhere: name,
  };
  ctx.builder.addApi(api);
  return api;
}
