/**
 * Listeners of internet-facing Application Load Balancers that take plain HTTP and pass requests on
 * to targets: by the listener's default action or by one of its listener rules (`forward`), or to a
 * function whose `alb` event (Serverless Framework) names the listener. A
 * listener whose actions only redirect (to HTTPS, as the usual port-80 listener does) or answer with
 * a fixed response carries no application traffic, and is not one of them.
 *
 * The load balancer must be in the model: its scheme decides whether the internet reaches it
 * (`internet-facing` unless `Scheme` says `internal`; Terraform's `internal` is translated to it),
 * and an internal one, reached from its VPC only (an API Gateway VPC link, other services), is left
 * out. Only a literal `HTTP` protocol counts: CloudFormation has no default for it.
 */
import type { AppModel, LambdaFunction, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { ModelIndex } from '../model-index.js';
import { pushTo } from '../../util/multimap.js';
import { asArray, asString, isValueMap, referencedResource, valueAt, type Value } from '../value.js';

export const LOAD_BALANCER_TYPE = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const LISTENER_TYPE = 'AWS::ElasticLoadBalancingV2::Listener';
export const LISTENER_RULE_TYPE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const TARGET_GROUP_TYPE = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** An action that passes a request on to targets, and where it is written. */
export interface ForwardingAction {
  loc: SourceLocation;
  /** The listener rule it belongs to; absent for the listener's default action and an `alb` event */
  rule?: Resource;
  /** The target groups it names that the model has */
  targetGroups: Resource[];
  /** For a function's `alb` event: the function */
  fn?: LambdaFunction;
}

export interface PlaintextListener {
  listener: Resource;
  loadBalancer: Resource;
  /** The port, when written literally */
  port?: string;
  /** Where `Protocol: HTTP` is written */
  loc: SourceLocation;
  forwards: ForwardingAction[];
}

/** Every plaintext listener of the model's internet-facing Application Load Balancers that forwards, in model order. */
export function plaintextListeners(model: AppModel): PlaintextListener[] {
  const index = ModelIndex.of(model);
  const rulesOf = listenerRules(index);
  const out: PlaintextListener[] = [];
  for (const listener of index.resourcesOfType(LISTENER_TYPE)) {
    const found = plaintextListener(listener, index, rulesOf.get(listener.id) ?? []);
    if (found) out.push(found);
  }
  return out;
}

function plaintextListener(listener: Resource, index: ModelIndex, rules: readonly Resource[]): PlaintextListener | undefined {
  const p = listener.properties;
  if (asString(p['Protocol'])?.toUpperCase() !== 'HTTP') return undefined;
  const loadBalancer = index.resource(referencedResource(p['LoadBalancerArn'])?.target);
  if (!loadBalancer || loadBalancer.type !== LOAD_BALANCER_TYPE || !isInternetFacingApplication(loadBalancer)) return undefined;
  const forwards = [
    ...forwardingActions(p['DefaultActions'], index).map((targetGroups) => ({ loc: listener.locate('DefaultActions'), targetGroups })),
    ...rules.flatMap((rule) => forwardingActions(rule.properties['Actions'], index).map((targetGroups) => ({ loc: rule.locate('Actions'), rule, targetGroups }))),
    ...albEvents(listener, index),
  ];
  if (forwards.length === 0) return undefined;
  const port = asString(p['Port']) ?? (typeof p['Port'] === 'number' ? String(p['Port']) : undefined);
  return { listener, loadBalancer, ...(port !== undefined ? { port } : {}), loc: listener.locate('Protocol'), forwards };
}

/** `Scheme` left out is internet-facing; a value the scan cannot read is not taken as either. */
function isInternetFacingApplication(lb: Resource): boolean {
  const scheme = lb.properties['Scheme'];
  const type = lb.properties['Type'];
  const application = type === undefined || asString(type)?.toLowerCase() === 'application';
  return application && (scheme === undefined || asString(scheme)?.toLowerCase() === 'internet-facing');
}

/** The functions whose `alb` event forwards the listener's requests to them. */
function albEvents(listener: Resource, index: ModelIndex): ForwardingAction[] {
  return index.triggersFrom(listener.id).flatMap((t) => {
    const fn = t.kind === 'alb' ? index.function(t.functionId) : undefined;
    return fn ? [{ loc: t.loc, targetGroups: [], fn }] : [];
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

/** For each `forward` action of the list, the target groups it names that the model has. */
function forwardingActions(actions: Value | undefined, index: ModelIndex): Resource[][] {
  return asArray(actions)
    .filter((a) => isValueMap(a) && asString(a['Type'])?.toLowerCase() === 'forward')
    .map((a) => targetGroupsOf(a, index));
}

function targetGroupsOf(action: Value, index: ModelIndex): Resource[] {
  const named = [valueAt(action, 'TargetGroupArn'), ...asArray(valueAt(action, 'ForwardConfig', 'TargetGroups')).map((g) => valueAt(g, 'TargetGroupArn'))];
  const groups = named.map((v) => index.resource(referencedResource(v)?.target)).filter((r): r is Resource => r?.type === TARGET_GROUP_TYPE);
  return [...new Set(groups)];
}
