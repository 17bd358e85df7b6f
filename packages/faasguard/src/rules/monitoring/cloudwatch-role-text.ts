/**
 * A REST or WebSocket API logs to CloudWatch (execution or access logs) only once the account has
 * a CloudWatch role for API Gateway, set once per account and region; until then, turning logging
 * on fails the stage's update ("CloudWatch Logs role ARN must be set in account settings"). The fix
 * text says so where no template of the API's application sets that role (`AWS::ApiGateway::Account`,
 * Terraform's `aws_api_gateway_account`). HTTP APIs do not use the role, and a Serverless Framework
 * service's `provider.logs.restApi` sets it up itself.
 */
import type { Api, AppModel } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { sourceWords } from '../source-words.js';
import type { StageSettingsPlace } from './api-stages.js';

const ACCOUNT_TYPE = 'AWS::ApiGateway::Account';

export function cloudWatchRoleText(model: AppModel, api: Api, place: StageSettingsPlace): string {
  if (api.protocol === 'http' || place === 'provider') return '';
  const index = ModelIndex.of(model);
  const app = index.appOf(api);
  if (index.resourcesOfType(ACCOUNT_TYPE).some((r) => index.appOf(r) === app)) return '';
  return ` The account must also have a CloudWatch role for API Gateway (${roleSetting(api)}, once per account and region), which no template here sets: without it the stage update fails.`;
}

function roleSetting(api: Api): string {
  if (sourceWords(api.loc.file).terraform) return 'aws_api_gateway_account with a cloudwatch_role_arn';
  if (api.constructPath) return 'cloudWatchRole: true on the RestApi';
  return `${ACCOUNT_TYPE} with a CloudWatchRoleArn`;
}
