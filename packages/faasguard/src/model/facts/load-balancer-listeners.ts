/**
 * Listeners of internet-facing Application Load Balancers (and, when asked, Network Load Balancers)
 * that pass requests on to targets: by the listener's default action or by one of its listener
 * rules (`forward`), or to a function whose `alb` event (Serverless Framework) names the listener. A listener whose actions only redirect (to
 * HTTPS, as the usual port-80 listener does) or answer with a fixed response carries no application
 * traffic, and is not one of them. Each forwarding action says whether the load balancer signs the
 * caller in first (an `authenticate-cognito` or `authenticate-oidc` action before it, or a
 * Serverless `alb` event's `authorizer`).
 *
 * The load balancer must be in the model: its scheme decides whether the internet reaches it
 * (`internet-facing` unless `Scheme` says `internal`; Terraform's `internal` is translated to it),
 * and an internal one, reached from its VPC only (an API Gateway VPC link, other services), is left
 * out.
 */
import type { AppModel, LambdaFunction, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { ModelIndex } from '../model-index.js';
import { pushTo } from '../../util/multimap.js';
import { asArray, asString, isValueMap, referencedResource, valueAt, type Value } from '../value.js';
import { triggerDetail } from './trigger-details.js';

export const LOAD_BALANCER_TYPE = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const LISTENER_TYPE = 'AWS::ElasticLoadBalancingV2::Listener';
export const LISTENER_RULE_TYPE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
export const TARGET_GROUP_TYPE = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** An action that passes a request on to targets, and where it is written. */
export interface ForwardingAction {
  loc: SourceLocation;
  /** The listener rule it belongs to; absent for the listener's default action and an `alb` event */
  rule?: Resource;
  /** The target groups it names that the model has */
  targetGroups: Resource[];
  /** For a function's `alb` event: the function */
  fn?: LambdaFunction;
  /** The load balancer signs the caller in before it forwards (Cognito or an OIDC provider) */
  authenticated: boolean;
}

export interface ForwardingListener {
  listener: Resource;
  loadBalancer: Resource;
  /** The protocol, upper case, when written literally (CloudFormation has no default for it) */
  protocol?: string;
  /** The port, when written literally */
  port?: string;
  forwards: ForwardingAction[];
}

/** The kinds of load balancer whose listeners forward requests or connections (`Type`). */
export type LoadBalancerKind = 'application' | 'network';

/**
 * Every listener of the model's internet-facing load balancers of the given kinds (Application
 * Load Balancers unless told) that forwards, in model order.
 */
export function forwardingListeners(model: AppModel, kinds: readonly LoadBalancerKind[] = ['application']): ForwardingListener[] {
  const index = ModelIndex.of(model);
  const rulesOf = listenerRules(index);
  const out: ForwardingListener[] = [];
  for (const listener of index.resourcesOfType(LISTENER_TYPE)) {
    const found = forwardingListener(listener, index, rulesOf.get(listener.id) ?? [], kinds);
    if (found) out.push(found);
  }
  return out;
}

function forwardingListener(listener: Resource, index: ModelIndex, rules: readonly Resource[], kinds: readonly LoadBalancerKind[]): ForwardingListener | undefined {
  const p = listener.properties;
  const loadBalancer = index.resource(referencedResource(p['LoadBalancerArn'])?.target);
  if (!loadBalancer || loadBalancer.type !== LOAD_BALANCER_TYPE || !isInternetFacing(loadBalancer, kinds)) return undefined;
  const forwards = [
    ...forwardingActions(p['DefaultActions'], index).map((f) => ({ loc: listener.locate('DefaultActions'), ...f })),
    ...rules.flatMap((rule) => forwardingActions(rule.properties['Actions'], index).map((f) => ({ loc: rule.locate('Actions'), rule, ...f }))),
    ...albEvents(listener, index),
  ];
  if (forwards.length === 0) return undefined;
  const protocol = asString(p['Protocol'])?.toUpperCase();
  const port = asString(p['Port']) ?? (typeof p['Port'] === 'number' ? String(p['Port']) : undefined);
  return { listener, loadBalancer, ...(protocol !== undefined ? { protocol } : {}), ...(port !== undefined ? { port } : {}), forwards };
}

/** `Type` left out is `application`, `Scheme` left out internet-facing; a value the scan cannot read is not taken as either. */
function isInternetFacing(lb: Resource, kinds: readonly LoadBalancerKind[]): boolean {
  const scheme = lb.properties['Scheme'];
  const type = lb.properties['Type'];
  const kind = type === undefined ? 'application' : asString(type)?.toLowerCase();
  return kinds.some((k) => k === kind) && (scheme === undefined || asString(scheme)?.toLowerCase() === 'internet-facing');
}

/** The functions whose `alb` event forwards the listener's requests to them. */
function albEvents(listener: Resource, index: ModelIndex): ForwardingAction[] {
  return index.triggersFrom(listener.id).flatMap((t) => {
    const fn = t.kind === 'alb' ? index.function(t.functionId) : undefined;
    return fn ? [{ loc: t.loc, targetGroups: [], fn, authenticated: triggerDetail(t, 'authenticated') === true }] : [];
  });
}

/** The listener rules of each listener, by the listener's id. */
function listenerRules(index: ModelIndex): Map<string, Resource[]> {
  const byListener = new Map<string, Resource[]>();
  for (const rule of index.resourcesOfType(LISTENER_RULE_TYPE)) {
    const listener = referencedResource(rule.properties['ListenerArn'])?.target;
    if (listener !== undefined) pushTo(byListener, listener, rule);
  }
  return byListener;
}

/** Actions that sign the caller in before the actions after them run. */
const AUTHENTICATE = new Set(['authenticate-cognito', 'authenticate-oidc']);

/** For each `forward` action of the list, the target groups it names that the model has, and whether the list signs the caller in first. */
function forwardingActions(actions: Value | undefined, index: ModelIndex): Array<{ targetGroups: Resource[]; authenticated: boolean }> {
  const list = asArray(actions).filter(isValueMap);
  const authenticated = list.some((a) => AUTHENTICATE.has(asString(a['Type'])?.toLowerCase() ?? ''));
  return list.filter((a) => asString(a['Type'])?.toLowerCase() === 'forward').map((a) => ({ targetGroups: targetGroupsOf(a, index), authenticated }));
}

/** The function a `lambda` target group invokes, when the model has it. */
export function groupFunction(group: Resource, index: ModelIndex): LambdaFunction | undefined {
  const p = group.properties;
  if (asString(p['TargetType'])?.toLowerCase() !== 'lambda') return undefined;
  return asArray(p['Targets']).map((t) => index.function(isValueMap(t) ? referencedResource(t['Id'])?.target : undefined)).find((f) => f !== undefined);
}

function targetGroupsOf(action: Value, index: ModelIndex): Resource[] {
  const named = [valueAt(action, 'TargetGroupArn'), ...asArray(valueAt(action, 'ForwardConfig', 'TargetGroups')).map((g) => valueAt(g, 'TargetGroupArn'))];
  const groups = named.map((v) => index.resource(referencedResource(v)?.target)).filter((r): r is Resource => r?.type === TARGET_GROUP_TYPE);
  return [...new Set(groups)];
}
