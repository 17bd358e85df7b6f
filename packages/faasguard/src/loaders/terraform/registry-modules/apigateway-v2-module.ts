/**
 * `terraform-aws-modules/apigateway-v2/aws`: an HTTP (or WebSocket) API, its routes and their
 * integrations, its authorizers and its default stage. Versions 2 to 4 take `integrations`
 * (route key → integration and authorization), version 5 and later `routes` (route key →
 * authorization and an `integration` object). A route without `authorization_type` is open
 * (`NONE`), as the module's default.
 */
import type { TMapEntry, TNode } from '../../../parse/tree.js';
import type { Translatable } from '../load-terraform.js';
import { scalar } from '../tree-values.js';
import { entriesOf, field, flag, getAtt, input, joined, made, majorOf, object, orDefault, ref, type ModuleCall } from './module-call.js';

const API = 'aws_apigatewayv2_api.this[0]';
const STAGE = 'aws_apigatewayv2_stage.default[0]';

export const apiGatewayV2Module = {
  name: 'terraform-aws-modules/apigateway-v2/aws',
  sources: [/^terraform-aws-modules\/apigateway-v2\/aws$/, /^(git::)?(https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-apigateway-v2(\.git)?(\?ref=.*)?$/],
  majors: [2, 5] as const,
  outputs,
  resources,
};

function outputs(call: ModuleCall): Map<string, TNode> {
  const execution = getAtt(call, API, 'ExecutionArn');
  return new Map([
    ['apigatewayv2_api_id', ref(call, API)],
    ['apigatewayv2_api_execution_arn', execution],
    ['api_id', ref(call, API)],
    ['api_execution_arn', execution],
    ['apigatewayv2_api_api_endpoint', getAtt(call, API, 'ApiEndpoint')],
    ['api_endpoint', getAtt(call, API, 'ApiEndpoint')],
    ['default_apigatewayv2_stage_id', ref(call, STAGE)],
    ['stage_id', ref(call, STAGE)],
  ]);
}

function resources(call: ModuleCall): Translatable[] {
  if (flag(call, 'create', true) === false) return [];
  const v5 = (majorOf(call.version) ?? 5) >= 5 || input(call, 'routes') !== undefined;
  const out: Translatable[] = [made(call, 'aws_apigatewayv2_api', API, { name: input(call, 'name'), protocol_type: orDefault(call, 'protocol_type', 'HTTP') })];
  for (const a of entriesOf(call, 'authorizers')) {
    out.push(made(call, 'aws_apigatewayv2_authorizer', authorizerAddress(a.key), {
      api_id: ref(call, API),
      name: field(a.value, 'name') ?? scalar(a.key, a.keyLoc),
      authorizer_type: field(a.value, 'authorizer_type'),
      authorizer_uri: field(a.value, 'authorizer_uri'),
      identity_source: field(a.value, 'identity_sources'),
    }));
  }
  const routes = v5 ? entriesOf(call, 'routes') : entriesOf(call, 'integrations');
  for (const r of routes) out.push(...route(call, r, v5));
  if (flag(call, v5 ? 'create_stage' : 'create_default_stage', true) !== false) out.push(stage(call, v5));
  return out;
}

function authorizerAddress(key: string): string {
  return `aws_apigatewayv2_authorizer.this[${JSON.stringify(key)}]`;
}

/** A route and its integration: `integration = { uri }` (version 5) or the route's own `lambda_arn` / `integration_uri` (earlier). */
function route(call: ModuleCall, r: TMapEntry, v5: boolean): Translatable[] {
  const integration = v5 ? field(r.value, 'integration') : r.value;
  const uri = field(integration, 'uri') ?? field(integration, 'lambda_arn') ?? field(integration, 'integration_uri');
  const integrationAddress = `aws_apigatewayv2_integration.this[${JSON.stringify(r.key)}]`;
  const authorizerKey = field(r.value, 'authorizer_key');
  const loc = r.keyLoc;
  const target = joined(loc, [scalar('integrations/', loc), ref(call, integrationAddress)]);
  const out: Translatable[] = [
    made(call, 'aws_apigatewayv2_route', `aws_apigatewayv2_route.this[${JSON.stringify(r.key)}]`, {
      api_id: ref(call, API),
      route_key: scalar(r.key, loc),
      authorization_type: field(r.value, 'authorization_type') ?? scalar('NONE', loc),
      authorizer_id: field(r.value, 'authorizer_id') ?? (authorizerKey?.kind === 'scalar' ? ref(call, authorizerAddress(String(authorizerKey.value))) : undefined),
      api_key_required: field(r.value, 'api_key_required'),
      target: uri ? target : undefined,
    }, loc),
  ];
  if (uri) {
    out.push(made(call, 'aws_apigatewayv2_integration', integrationAddress, {
      api_id: ref(call, API),
      integration_type: field(integration, 'type') ?? field(integration, 'integration_type') ?? scalar('AWS_PROXY', loc),
      integration_uri: uri,
      payload_format_version: field(integration, 'payload_format_version'),
    }));
  }
  return out;
}

/** The default stage: access logs and route settings as each version names them. */
function stage(call: ModuleCall, v5: boolean): Translatable {
  const logs = v5 ? input(call, 'stage_access_log_settings') : undefined;
  const destination = v5 ? field(logs, 'destination_arn') : input(call, 'default_stage_access_log_destination_arn');
  const format = v5 ? field(logs, 'format') : input(call, 'default_stage_access_log_format');
  const settings = input(call, v5 ? 'stage_default_route_settings' : 'default_route_settings');
  return made(call, 'aws_apigatewayv2_stage', STAGE, {
    api_id: ref(call, API),
    name: v5 ? orDefault(call, 'stage_name', '$default') : scalar('$default', call.loc),
    auto_deploy: scalar(true, call.loc),
    access_log_settings: destination ? object(destination.loc, { destination_arn: destination, format }) : undefined,
    default_route_settings: settings && object(settings.loc, {
      throttling_burst_limit: field(settings, 'throttling_burst_limit'),
      throttling_rate_limit: field(settings, 'throttling_rate_limit'),
      detailed_metrics_enabled: field(settings, 'detailed_metrics_enabled'),
      logging_level: field(settings, 'logging_level'),
      data_trace_enabled: field(settings, 'data_trace_enabled'),
    }),
  });
}
