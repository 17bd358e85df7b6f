/**
 * A REST or WebSocket API logs to CloudWatch (execution or access logs) only once the account has
 * a CloudWatch role for API Gateway, set once per account and region; until then, turning logging
 * on fails the stage's update ("CloudWatch Logs role ARN must be set in account settings"). The fix
 * text says so where no template of the API's application sets that role (`AWS::ApiGateway::Account`,
 * Terraform's `aws_api_gateway_account`). HTTP APIs do not use the role, a Serverless Framework
 * service's `provider.logs.restApi` sets it up itself, and a stage that already logs to CloudWatch
 * (execution logs, or access logs to a log group) shows that the account has it.
 */
import type { Api, ApiStage, AppModel } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { asBoolean, display, referencedResource } from '../../model/value.js';
import { sourceWords } from '../source-words.js';
import { loggingLevel, type StageOfApi, type StageSettingsPlace } from './api-stages.js';

const ACCOUNT_TYPE = 'AWS::ApiGateway::Account';

export function cloudWatchRoleText(model: AppModel, { api, stage }: StageOfApi, place: StageSettingsPlace): string {
  if (api.protocol === 'http' || place === 'provider') return '';
  const index = ModelIndex.of(model);
  const app = index.appOf(api);
  if (index.resourcesOfType(ACCOUNT_TYPE).some((r) => index.appOf(r) === app)) return '';
  if (logsToCloudWatch(stage, index)) return '';
  return ` The account must also have a CloudWatch role for API Gateway (${roleSetting(api)}, once per account and region), which no template here sets: without it the stage update fails.`;
}

/** Execution logs at ERROR or INFO, full request logging, or access logs sent to a log group. */
function logsToCloudWatch(stage: ApiStage, index: ModelIndex): boolean {
  const executionLogs = (stage.methodSettings ?? []).some((s) => loggingLevel(s) === 'ERROR' || loggingLevel(s) === 'INFO' || asBoolean(s.dataTraceEnabled) === true);
  if (executionLogs || stage.accessLogDestination === undefined) return executionLogs;
  const target = index.resource(referencedResource(stage.accessLogDestination)?.target);
  return target?.type === 'AWS::Logs::LogGroup' || display(stage.accessLogDestination).includes(':logs:');
}

function roleSetting(api: Api): string {
  if (sourceWords(api.loc.file).terraform) return 'aws_api_gateway_account with a cloudwatch_role_arn';
  if (api.constructPath) return 'cloudWatchRole: true on the RestApi';
  return `${ACCOUNT_TYPE} with a CloudWatchRoleArn`;
}
