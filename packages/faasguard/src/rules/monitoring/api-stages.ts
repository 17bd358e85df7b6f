/**
 * Every stage of every API, with what rules that judge stages share: how a stage is named in a
 * message and whether the internet reaches it. A stage is judged whether or not a route of the
 * template sits behind it: routes may be defined in another stack or in an OpenAPI file in S3.
 */
import type { Api, ApiStage, AppModel, StageMethodSetting } from '../../model/app-model.js';
import { asBoolean, display, type Value } from '../../model/value.js';
import { ModelIndex } from '../../model/model-index.js';
import { nameOf } from '../subject.js';
import { settingResource } from '../../model/facts/method-setting-resource.js';
import { heldBackByPrivateNetwork } from '../../analysis/private-api-fronts.js';
import { inServerlessService, sourceWords } from '../source-words.js';
import { naming } from '../../loaders/serverless/naming.js';
import { reachesNothing } from '../../model/facts/route-reach.js';

export interface StageOfApi {
  api: Api;
  stage: ApiStage;
}

export function* stagesOf(model: AppModel): Generator<StageOfApi> {
  for (const api of model.apis) for (const stage of api.stages) yield { api, stage };
}

/** `Stage prod of API OrdersApi` */
export function stageText({ api, stage }: StageOfApi): string {
  return `Stage ${display(stage.name)} of API ${nameOf(api)}`;
}

/**
 * A private API is reached only from the VPCs given access, unless a load balancer brings the
 * internet to it (`private-api-fronts.ts`): everything else is on the internet.
 */
export function isPrivateApi(api: Api, model: AppModel): boolean {
  return heldBackByPrivateNetwork(api, model);
}

/**
 * Where a stage's settings are written: under SAM's `Globals: Api` for the API SAM makes from the
 * functions' `Api` events (it has no resource to write them on), under `provider` for the stage
 * the Serverless Framework makes of a service's `http` events, in the `StageDescription` of a
 * Deployment that names the stage, or on the stage (or the SAM API) itself.
 */
export type StageSettingsPlace = 'globals' | 'provider' | 'deployment' | 'stage';

export function stageSettingsPlace(model: AppModel, { api, stage }: StageOfApi): StageSettingsPlace {
  if (api.implicit) return 'globals';
  if (inServerlessService(model, api) && stage.resourceLogicalId === naming.restStage) return 'provider';
  const deployments = ModelIndex.of(model).resourcesOfType('AWS::ApiGateway::Deployment');
  return deployments.some((d) => d.logicalId === stage.resourceLogicalId && d.stack === api.stack) ? 'deployment' : 'stage';
}

/**
 * Where the `$default` stage of an HTTP API's quick create (the API's `Target`) takes a setting,
 * when it is that stage: no stage resource declares it, so CloudFormation sets it in the `Stage` of
 * an `AWS::ApiGatewayV2::ApiGatewayManagedOverrides`, and Terraform, which has no such resource,
 * declares the stage itself instead of quick create. Undefined for any other stage.
 */
export function quickCreateStageFix({ api, stage }: StageOfApi, setting: { cloudFormation: string; terraform: string }): string | undefined {
  if (!stage.quickCreate) return undefined;
  if (sourceWords(stage.loc.file).terraform) {
    return `Quick create (target on ${nameOf(api)}) makes this stage, which takes no settings: declare the integration, the route and an aws_apigatewayv2_stage "$default" with ${setting.terraform} instead of target.`;
  }
  return `Set ${setting.cloudFormation} in the Stage of an AWS::ApiGatewayV2::ApiGatewayManagedOverrides for API ${nameOf(api)}: quick create (its Target) makes this stage, which no stage resource declares.`;
}

/** Key of a stage's finding: stable across moves of the stage within the file. */
export function stageKey({ api, stage }: StageOfApi): string[] {
  return [api.logicalId, display(stage.name)];
}

/** Method settings that switch a boolean setting on (`true`, `"true"`). */
export function settingsWith(stage: ApiStage, pick: (s: StageMethodSetting) => Value | undefined): StageMethodSetting[] {
  return (stage.methodSettings ?? []).filter((s) => asBoolean(pick(s)) === true);
}

/** `GET /orders`, or `every method` for `*` `/*` */
export function settingScope(s: StageMethodSetting): string {
  const method = s.httpMethod === undefined || s.httpMethod === '*' ? 'every method' : display(s.httpMethod);
  const path = s.resourcePath === undefined || s.resourcePath === '/*' ? '' : ` ${settingResource(display(s.resourcePath))}`;
  return `${method}${path}`;
}

/** The setting's `LoggingLevel` in upper case, when written. */
export function loggingLevel(setting: StageMethodSetting): string | undefined {
  return setting.loggingLevel === undefined ? undefined : display(setting.loggingLevel).toUpperCase();
}

/** An API whose known routes all answer with a mock integration reaches nothing and decides nothing worth a trace or a log. */
export function answersItself(model: AppModel, api: Api): boolean {
  const routes = ModelIndex.of(model).routesOf(api);
  return routes.length > 0 && routes.every(reachesNothing);
}
