import type { Api, ApiStage, AppModel, Resource } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { asBoolean, display, type Value } from '../../model/value.js';
import { webAclProtectedApis } from '../../model/facts/web-acl-protected-apis.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { isPrivateApi, loggingLevel, settingScope } from '../monitoring/api-stages.js';
import { namesText } from '../privilege/privilege-text.js';
import { wordList } from '../../util/word-list.js';

/**
 * The stage `Stage` that SAM deploys beside a REST API's declared stage when the API sets no
 * `OpenApiVersion` (`Api.samExtraStage`). It serves every route of the API with API Gateway's
 * defaults: judged only where a declared stage has a protection that it lacks, since otherwise the
 * two stages are alike and the stage rules already report what the declared one lacks.
 */
export const samApiExtraStage: Rule = {
  meta: {
    id: 'sam-api-extra-stage',
    title: "SAM deploys a second stage without the API stage's protections",
    category: 'SAS-3',
    cwe: ['CWE-693'],
    severity: 'medium',
    description:
      "For backward compatibility, SAM gives the Deployment of every REST API (`AWS::Serverless::Api`, and the `ServerlessRestApi` it makes from functions' `Api` events) the stage name `Stage`, unless the API sets `OpenApiVersion`. So the API is deployed at two stages: the one the template declares (`Prod`, or its `StageName`) and `Stage`. Every route answers at both, but the settings of the API (`MethodSettings`, `AccessLogSetting`, `TracingEnabled`) go to the declared stage only, and a WAF web ACL protects only the stage its association names. A caller who sends requests to `https://<api-id>.execute-api.<region>.amazonaws.com/Stage/…` goes around the web ACL's rules and the stage's throttling, and leaves no access or execution log.\n\n" +
      "Reported where the declared stage has a web ACL or throttling (severity `medium`: an attack gets around them) or access or execution logs (`low`: calls through `Stage` go unrecorded); X-Ray tracing is named beside them but does not make a finding alone (it samples calls for diagnosis). Not reported where the declared stage has none of them (both stages are alike; the stage rules report what it lacks), where the API's default endpoint is disabled (`DisableExecuteApiEndpoint`: only custom domains reach the API, and SAM maps them to the declared stage), nor for private APIs. Authorizers, API keys and the resource policy belong to the API and hold at both stages.",
    remediation:
      "Set `OpenApiVersion: '3.0.1'` (any valid version; `'2.0'` keeps Swagger) on the API, or under `Globals: Api` for every SAM API of the template including the implicit one: SAM then deploys only the declared stage. After the next deployment, check that the API has no stage `Stage` left (`aws apigateway get-stages`).",
    example: {
      language: 'yaml',
      vulnerable: 'Globals:\n  Api:\n    MethodSettings:\n      - HttpMethod: "*"\n        ResourcePath: "/*"\n        ThrottlingRateLimit: 50\n        ThrottlingBurstLimit: 100',
      fixed: 'Globals:\n  Api:\n    OpenApiVersion: "3.0.1"\n    MethodSettings:\n      - HttpMethod: "*"\n        ResourcePath: "/*"\n        ThrottlingRateLimit: 50\n        ThrottlingBurstLimit: 100',
    },
    references: ['https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html#sam-api-openapiversion', 'https://github.com/aws/serverless-application-model/issues/191'],
    judges: ['AWS::Serverless::Api'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    const webAcls = webAclProtectedApis(model);
    for (const api of model.apis) {
      if (!api.samExtraStage || api.disableExecuteApiEndpoint || isPrivateApi(api, model)) continue;
      const stage = api.stages[0];
      if (!stage) continue;
      const missing = protectionsOf(stage, webAcls.get(api.id));
      // Tracing samples calls for diagnosis: a stage that lacks only it is no way around anything.
      if (!missing.some((p) => p.kind !== 'trace')) continue;
      results.push(result(model, api, stage, missing));
    }
    return results;
  },
};

/** A protection of the declared stage that the stage `Stage` lacks. */
interface Protection {
  /** What the declared stage has: `a WAF web ACL (association ApiWaf)` */
  has: string;
  /** What a call through `Stage` escapes: `skip the web ACL's rules` */
  escapes: string;
  /** An attack gets around it (`guard`), goes unrecorded (`record`), or only untraced (`trace`) */
  kind: 'guard' | 'record' | 'trace';
}

function protectionsOf(stage: ApiStage, webAcl: Resource | undefined): Protection[] {
  const out: Protection[] = [];
  if (webAcl) out.push({ has: `a WAF web ACL (association ${webAcl.logicalId})`, escapes: "skip the web ACL's rules", kind: 'guard' });
  const limits = throttlingText(stage);
  if (limits) out.push({ has: `throttling (${limits})`, escapes: 'are limited only by the account-wide quota', kind: 'guard' });
  if (stage.accessLogDestination !== undefined) out.push({ has: 'access logs', escapes: 'leave no access log', kind: 'record' });
  const logged = (stage.methodSettings ?? []).filter((s) => ['INFO', 'ERROR'].includes(loggingLevel(s) ?? ''));
  if (logged.length > 0) out.push({ has: `execution logging (${namesText(logged.map((s) => `${loggingLevel(s)} for ${settingScope(s)}`))})`, escapes: 'write no execution log', kind: 'record' });
  if (asBoolean(stage.tracing) === true) out.push({ has: 'X-Ray tracing', escapes: 'are not traced', kind: 'trace' });
  return out;
}

/**
 * `2000 requests a second for every method and 50 for POST /`: the stage's own limits, when it sets
 * any. A REST stage's limits are its method settings (`throttling` repeats the first of them).
 */
function throttlingText(stage: ApiStage): string | undefined {
  const parts = (stage.methodSettings ?? []).flatMap((s) => (s.throttling ? limitText(s.throttling, settingScope(s)) : []));
  return parts.length > 0 ? namesText(parts) : undefined;
}

function limitText(t: { rateLimit?: Value; burstLimit?: Value }, scope: string): string[] {
  if (t.rateLimit !== undefined) return [`${display(t.rateLimit)} requests a second for ${scope}`];
  return t.burstLimit !== undefined ? [`a burst of ${display(t.burstLimit)} for ${scope}`] : [];
}

/** What holds at both stages, so that a message does not suggest more is lost than is. */
function sharedText(model: AppModel, api: Api): string {
  const authorized = ModelIndex.of(model).routesOf(api).some((r) => r.auth.type !== 'none' || r.auth.apiKeyRequired);
  const shared = [authorized ? 'authorization' : '', api.resourcePolicy ? 'resource policy' : ''].filter((x) => x !== '');
  if (shared.length === 0) return '';
  return ` (the API's ${shared.join(' and ')} ${shared.length > 1 ? 'apply' : 'applies'} there as well)`;
}

function result(model: AppModel, api: Api, stage: ApiStage, missing: Protection[]): RuleResult {
  const declared = display(stage.name);
  const where = api.implicit ? 'under Globals: Api (SAM makes this API from the functions\' Api events)' : 'on the API (or under Globals: Api for every API of the template)';
  return {
    message: `SAM deploys API ${nameOf(api)} at a second stage, Stage, beside ${declared}, since the API sets no OpenApiVersion. Stage ${declared} has ${wordList(missing.map((p) => p.has))}; stage Stage has none, and every route answers there too${sharedText(model, api)}: calls to …/Stage/ ${wordList(missing.map((p) => p.escapes))}. Set OpenApiVersion: '3.0.1' ${where} so that SAM deploys only stage ${declared}.`,
    location: api.samExtraStage!.loc,
    related: [{ loc: stage.loc, message: `stage ${declared}` }],
    subject: subjectOf(api),
    key: [api.logicalId],
    severity: missing.some((p) => p.kind === 'guard') ? 'medium' : 'low',
  };
}
