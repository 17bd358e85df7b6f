/**
 * Events that need no API or mapping: Cognito user-pool triggers, CloudWatch Logs subscriptions and
 * Application Load Balancer listeners.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { entries, getAtt, text, truthy } from './nodes.js';
import type { EventCounters } from './rule-events.js';

export function compileCognitoEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const pool = text(get(event, 'pool'));
  const trigger = text(get(event, 'trigger'));
  if (!pool || !trigger) {
    ctx.diagnostics.warning('malformed-serverless', 'cognitoUserPool event needs pool and trigger: skipped', event.loc);
    return;
  }
  const declared = truthy(get(event, 'existing')) ? entries(ctx.userResources).find((e) => text(get(get(e.value, 'Properties'), 'UserPoolName')) === pool) : undefined;
  if (truthy(get(event, 'existing')) && !declared) {
    ctx.externalTriggers.push({ kind: 'cognito-user-pool', functionLogicalId: fn.logicalId, source: pool, details: { trigger, existing: true }, loc: event.loc });
    return;
  }
  const id = declared?.key ?? naming.userPool(pool);
  const current = ctx.resources.get(id);
  const config = entries(get(get(current?.node, 'Properties'), 'LambdaConfig'));
  const lambdaConfig: { [key: string]: TNode | ReturnType<typeof getAtt> } = {};
  for (const e of config) lambdaConfig[e.key] = e.value;
  lambdaConfig[trigger] = getAtt(fn.logicalId, 'Arn');
  ctx.add(id, 'AWS::Cognito::UserPool', { UserPoolName: declared ? undefined : pool, LambdaConfig: lambdaConfig }, declared?.keyLoc ?? current?.keyLoc ?? event.loc);
  ctx.add(naming.permission(fn.name, `CognitoUserPool${id}Trigger${trigger}`), 'AWS::Lambda::Permission', { FunctionName: getAtt(fn.logicalId, 'Arn'), Action: 'lambda:InvokeFunction', Principal: 'cognito-idp.amazonaws.com', SourceArn: getAtt(id, 'Arn') }, event.loc);
}

export function compileCloudWatchLogEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode, counters: EventCounters): void {
  const n = ++counters.cloudwatchLog;
  ctx.add(naming.logSubscription(fn.name, n), 'AWS::Logs::SubscriptionFilter', {
    LogGroupName: event.kind === 'scalar' ? event : get(event, 'logGroup'),
    FilterPattern: get(event, 'filter') ?? '',
    DestinationArn: getAtt(fn.logicalId, 'Arn'),
  }, event.loc);
}

/**
 * An ALB listener is outside the template the framework writes for the function: a direct trigger,
 * whose source is the listener when `resources` declares it (`listenerArn: { Ref: HttpListener }`).
 */
export function compileAlbEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const conditions = get(event, 'conditions');
  const listener = text(get(get(event, 'listenerArn'), 'Ref'));
  const declared = listener !== undefined ? entries(ctx.userResources).find((e) => e.key === listener) : undefined;
  ctx.externalTriggers.push({
    kind: 'alb',
    functionLogicalId: fn.logicalId,
    ...(declared ? { sourceLogicalId: declared.key } : {}),
    source: text(get(event, 'listenerArn')) ?? 'listener',
    details: { priority: text(get(event, 'priority')) ?? null, path: text(get(conditions, 'path')) ?? null, authenticated: get(event, 'authorizer') !== undefined },
    loc: event.loc,
  });
}
