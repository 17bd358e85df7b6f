/**
 * Exposure analysis: for every function, every way it can be invoked and by whom (see
 * `exposure-types.ts`). Direct entry points first (routes, URLs, invoke permissions, event sources
 * and who can write into them), then chains: a function that can write into a source that triggers
 * another function passes its own exposure on, until nothing changes.
 */
import type { Api, AppModel, InvokePermission, LambdaFunction, Resource, Route, Trigger, TriggerKind } from '../model/app-model.js';
import { graphqlApiFacts } from '../model/facts/graphql-api-facts.js';
import { ModelIndex } from '../model/model-index.js';
import { routeAuthText } from '../model/route-auth-text.js';
import { qualifierText, urlOfTrigger } from '../model/facts/function-urls.js';
import { urlReach } from '../model/facts/function-url-grants.js';
import { display, referencedResource } from '../model/value.js';
import { nameOf } from '../rules/subject.js';
import { EXPOSURE_ORDER, widerOf, type EntryPath, type ExposureLevel, type FunctionExposure } from './exposure-types.js';
import { SourceWriterIndex } from './source-writer-index.js';
import { publicWriteGrant, WRITE_VERBS } from './source-writers.js';
import { routeName } from '../model/route-name.js';
import { connectionGate } from '../model/connection-gate.js';
import { invokesOnlyForOwnAccount } from '../model/same-account-services.js';
import { forwardingListeners, groupFunction, type ForwardingListener } from '../model/facts/load-balancer-listeners.js';
import { isApiTrigger } from '../model/trigger-kind.js';
import { bucketsReceivingMail } from '../model/facts/mail-receipt-rules.js';
import { edgePath, receivedMailPath, signInPath, storedMailPath, unsignedAuthorizerPath } from './internet-service-paths.js';
import { apiPolicyNarrowing, privateApiCallers, type PolicyNarrowing } from './api-policy-callers.js';
import { frontText, heldBackByPrivateNetwork, internetCallersThrough, internetFrontOf } from './private-api-fronts.js';
import type { EndpointFront } from '../model/facts/load-balancer-endpoint-targets.js';
import { certificateGate, certificateHolders, type CertificateGate } from './certificate-gate.js';

const COMPUTED = new WeakMap<AppModel, Map<string, FunctionExposure>>();

/** Every function's exposure; computed once per model and shared (callers must not change it). */
export function computeExposure(model: AppModel): Map<string, FunctionExposure> {
  let result = COMPUTED.get(model);
  if (!result) COMPUTED.set(model, (result = exposureOf(model)));
  return result;
}

function exposureOf(model: AppModel): Map<string, FunctionExposure> {
  const index = ModelIndex.of(model);
  const result = new Map<string, FunctionExposure>();
  for (const fn of model.functions) result.set(fn.id, { functionId: fn.id, level: 'internal', paths: [] });
  for (const t of model.triggers) addPath(result, t.functionId, directPath(t, index));
  for (const p of model.permissions) if (p.functionId) addPath(result, p.functionId, permissionPath(p, index));
  for (const route of model.routes) for (const [fnId, path] of serviceIntegrationPaths(route, index)) addPath(result, fnId, path);
  for (const listener of forwardingListeners(model)) for (const [fnId, path] of loadBalancerPaths(listener, index)) addPath(result, fnId, path);
  propagateChains(model, index, result);
  for (const e of result.values()) e.paths = withoutNarrowerTwins(e.paths);
  // Widest first; of those, the one with the fewest hops only a role allows, then the shortest (the one a message names first).
  for (const e of result.values()) e.paths.sort((a, b) => EXPOSURE_ORDER.indexOf(a.level) - EXPOSURE_ORDER.indexOf(b.level) || (a.roleOnlyHops ?? 0) - (b.roleOnlyHops ?? 0) || a.steps.length - b.steps.length || (a.via < b.via ? -1 : a.via > b.via ? 1 : 0));
  return result;
}

/**
 * A trigger that other paths reach more widely is not also an internal entry: a load balancer's
 * `alb` trigger is a source path (internal) and, through an internet-facing listener, a public one.
 */
function withoutNarrowerTwins(paths: EntryPath[]): EntryPath[] {
  return paths.filter((p) => p.level !== 'internal' || !paths.some((q) => q.via === p.via && q.level !== 'internal'));
}

function addPath(result: Map<string, FunctionExposure>, fnId: string, path: EntryPath | undefined): boolean {
  const e = result.get(fnId);
  if (!e || !path) return false;
  if (e.paths.some((p) => p.via === path.via && p.level === path.level)) return false;
  e.paths.push(path);
  e.level = widerOf(e.level, path.level);
  return true;
}

function directPath(t: Trigger, index: ModelIndex): EntryPath | undefined {
  const fn = index.function(t.functionId);
  if (!fn) return undefined;
  if (isApiTrigger(t.kind)) return routePath(t, index, fn);
  if (t.kind === 'function-url') return urlPath(t, fn, index.model);
  if (t.kind === 'apigw-authorizer-token' || t.kind === 'apigw-authorizer-request') return authorizerPath(t, index, fn);
  return sourcePath(t, index, fn);
}

/**
 * A Lambda authorizer runs for every request that reaches a route naming it, whatever credentials
 * the request carries (that is what it decides): its callers are the route's as if the route were
 * open, held back only by what holds back the API (a private network, a resource policy, client
 * certificates); an authorizer no route names is never run.
 */
function authorizerPath(t: Trigger, index: ModelIndex, fn: LambdaFunction): EntryPath | undefined {
  const api = index.api(t.sourceId);
  const name = t.details['authorizer'];
  if (!api || typeof name !== 'string') return undefined;
  const held = heldBy(api, index);
  // Whoever reaches one of its routes reaches it; the API alone holds them back, so every route gives the same level: the first names it.
  const route = index.routesOf(api).find((r) => r.auth.type === 'lambda' && r.auth.authorizer === name);
  if (!route) return undefined;
  const open: Route = { ...route, auth: { ...route.auth, type: 'none', apiKeyRequired: false } };
  const level = routeLevel(open, held);
  return {
    level,
    via: t.id,
    description: `${routeCallers(open, level, held)} can call ${routeName(route)} of ${nameOf(api)}, whose Lambda authorizer ${name} runs ${nameOf(fn)} to check each request's credentials`,
    steps: [{ loc: t.loc, message: `Lambda authorizer ${name} of ${nameOf(api)} runs ${nameOf(fn)} for requests to ${routeName(route)}` }, ...heldSteps(api, held)],
  };
}

function routePath(t: Trigger, index: ModelIndex, fn: LambdaFunction): EntryPath | undefined {
  const route = index.route(t.routeId);
  if (!route) return undefined;
  const api = index.api(route.apiId);
  const access = routeAccess(route, index);
  return {
    level: access.level,
    via: t.id,
    description: `${access.who} can call ${routeName(route)} of ${api ? nameOf(api) : 'an API'} (${access.auth}), which invokes ${nameOf(fn)}`,
    steps: access.steps,
  };
}

/** Who can call a route, as a level, a text and the steps that decide it. */
interface RouteAccess {
  level: ExposureLevel;
  who: string;
  /** How the route is authorized, for a message: `no authorization`, `lambda authorizer Auth` */
  auth: string;
  steps: EntryPath['steps'];
}

/**
 * A route's callers are decided by its own authorization, or, for a WebSocket API's route other
 * than `$connect`, by `$connect`'s: only a connection it admitted sends messages.
 */
function routeAccess(route: Route, index: ModelIndex): RouteAccess {
  const api = index.api(route.apiId);
  const gate = connectionGate(route, api, index);
  const decides = gate ?? route;
  const held = heldBy(api, index);
  const level = routeLevel(decides, held);
  const steps = isOpen(decides) ? heldSteps(api, held) : [];
  if (!gate) return { level, who: routeCallers(route, level, held), auth: routeAuthText(route), steps: [{ loc: route.auth.loc, message: `route ${routeName(route)}: ${routeAuthText(route)}` }, ...steps] };
  return {
    level,
    who: routeCallers(gate, level, held),
    auth: `${routeAuthText(gate)} on ${routeName(gate)}, which admits the connection`,
    steps: [{ loc: gate.auth.loc, message: `route ${routeName(gate)}: ${routeAuthText(gate)}, for the connections ${routeName(route)} serves` }, ...steps],
  };
}

/** What, besides its routes' authorization, decides who reaches an API. */
interface HeldBy {
  /** The resource policy admits only some sources or times (`api-policy-callers.ts`) */
  narrowing?: PolicyNarrowing;
  /** A private API that no load balancer brings the internet to */
  network: boolean;
  /** Who reaches an open route of a private API, by its network and resource policy (`privateApiCallers`) */
  privateCallers: string;
  /** A load balancer that brings the internet to a private API (`private-api-fronts.ts`) */
  front?: EndpointFront;
  /** Custom domains that ask every client for a certificate (`certificate-gate.ts`) */
  certificates?: CertificateGate;
}

function heldBy(api: Api | undefined, index: ModelIndex): HeldBy {
  const narrowing = apiPolicyNarrowing(api);
  const front = internetFrontOf(api, index.model);
  const certificates = certificateGate(api, index.model);
  return { network: heldBackByPrivateNetwork(api, index.model), privateCallers: privateApiCallers(api), ...(narrowing ? { narrowing } : {}), ...(front ? { front } : {}), ...(certificates ? { certificates } : {}) };
}

/** The places that decide who reaches an open route, for the path's steps. */
function heldSteps(api: Api | undefined, held: HeldBy): EntryPath['steps'] {
  const apiName = api ? nameOf(api) : 'the API';
  return [
    ...(held.narrowing ? [{ loc: held.narrowing.loc, message: `the resource policy of ${apiName} admits calls ${held.narrowing.admits}` }] : []),
    ...(held.front ? [{ loc: held.front.loc, message: `${frontText(held.front)}, which the resource policy of ${apiName} admits` }] : []),
    ...(held.certificates ? [{ loc: held.certificates.loc, message: `the default endpoint of ${apiName} is disabled and its custom domains ask every client for a certificate` }] : []),
  ];
}

/** An open route's callers are held back by the network or the resource policy (not signed in), or by the certificate they must hold. */
function routeLevel(route: Route, held: HeldBy): ExposureLevel {
  if (route.auth.type === 'iam') return 'account';
  if (route.auth.type !== 'none') return 'authenticated';
  if (route.auth.apiKeyRequired) return 'authenticated';
  if (held.network || held.narrowing) return 'account';
  return held.certificates ? 'authenticated' : 'public';
}

function isOpen(route: Route): boolean {
  return route.auth.type === 'none' && !route.auth.apiKeyRequired;
}

/**
 * Who can call a route at its level. An open route of a private API is not held back by IAM but by
 * the network: anyone in a VPC that reaches the API (an interface endpoint its resource policy lets
 * in) calls it without signing anything, and anyone on the internet when a load balancer forwards
 * to such an endpoint (`private-api-fronts.ts`); one of a public REST API whose resource policy
 * admits only some sources or times, by that policy (`api-policy-callers.ts`); one of an API
 * reached only through custom domains that ask for a client certificate, by the certificates their
 * trust stores admit (`certificate-gate.ts`).
 */
function routeCallers(route: Route, level: ExposureLevel, held: HeldBy): string {
  if (held.front && level === 'public') return internetCallersThrough(held.front);
  if (held.certificates && isOpen(route) && level === 'authenticated') return certificateHolders(held.certificates);
  if (level !== 'account' || !isOpen(route)) return LEVEL_WHO[level];
  return held.narrowing ? `anyone its resource policy admits (${held.narrowing.admits})` : held.privateCallers;
}

const LEVEL_WHO: Readonly<Record<ExposureLevel, string>> = {
  public: 'anyone on the internet',
  authenticated: 'any signed-in user or API-key holder',
  account: 'principals of the AWS account',
  internal: 'only AWS services of this application',
};

/**
 * A route whose AWS service integration writes into a queue, topic, stream or bucket of the model
 * (`sqs:SendMessage`, `sns:Publish` …) invokes, through it, every function that source triggers. A
 * state machine it starts invokes its tasks' functions, and the functions of the queues and topics
 * its tasks send to.
 */
function* serviceIntegrationPaths(route: Route, index: ModelIndex): Generator<[string, EntryPath]> {
  const integration = route.integration;
  const source = integration?.kind === 'aws-service' ? index.resource(integration.targetId) : undefined;
  // A route that reads the source (`dynamodb:action/Scan`) puts nothing in it: no stream record, no message.
  if (!integration || !source || READS.test(integration.action ?? '')) return;
  const api = index.api(route.apiId);
  const { level, who, auth, steps } = routeAccess(route, index);
  const called = `${who} can call ${routeName(route)} of ${api ? nameOf(api) : 'an API'} (${auth}), whose ${integration.service ?? 'AWS service'} integration ${feeds(source).third} ${nameOf(source)}`;
  const first = [...steps, { loc: integration.loc, message: `${integration.service ?? 'AWS service'} integration ${feeds(source).third} ${nameOf(source)}` }];
  for (const relay of [{ resource: source, description: called, steps: first }, ...relays(source, called, first, index)]) {
    for (const t of index.triggersFrom(relay.resource.id)) {
      const fn = index.function(t.functionId);
      if (!fn) continue;
      yield [fn.id, {
        level,
        via: `${route.id}->${t.id}`,
        description: `${relay.description}, which invokes ${nameOf(fn)}`,
        steps: [...relay.steps, { loc: t.loc, message: `${t.kind} event from ${nameOf(relay.resource)} invokes ${nameOf(fn)}` }],
      }];
    }
  }
}

/**
 * An internet-facing Application Load Balancer's listener that forwards to a function (through a
 * `lambda` target group, or a Serverless `alb` event, whose trigger the path then goes through):
 * anyone on the internet sends it requests, unless the load balancer signs the caller in first
 * (Cognito or OIDC).
 */
function* loadBalancerPaths(l: ForwardingListener, index: ModelIndex): Generator<[string, EntryPath]> {
  const listener = `listener ${nameOf(l.listener)}${l.port ? ` (port ${l.port})` : ''} of load balancer ${nameOf(l.loadBalancer)}`;
  for (const f of l.forwards) {
    const fns = [...new Set([...f.targetGroups.flatMap((g) => groupFunction(g, index) ?? []), ...(f.fn ? [f.fn] : [])])];
    for (const fn of fns) {
      yield [fn.id, {
        level: f.authenticated ? 'authenticated' : 'public',
        via: albTrigger(fn, l.listener, f.targetGroups, index)?.id ?? l.listener.id,
        description: `${f.authenticated ? 'users the load balancer signs in' : 'anyone on the internet'} can send requests to ${listener}, which forwards them to ${nameOf(fn)}`,
        steps: [{ loc: f.loc, message: `${f.authenticated ? 'authenticate, then forward' : 'forward'} to ${nameOf(fn)}` }],
      }];
    }
  }
}

/** The function's `alb` trigger from the listener (a Serverless `alb` event) or from one of the target groups it forwards to. */
function albTrigger(fn: LambdaFunction, listener: Resource, groups: readonly Resource[], index: ModelIndex): Trigger | undefined {
  return index.triggersOf(fn).find((t) => t.kind === 'alb' && (t.sourceId === listener.id || groups.some((g) => g.id === t.sourceId)));
}

/** The queues and topics a state machine's tasks send to (`Resource.sends`), as further ways to the functions they trigger. */
function relays(machine: Resource, description: string, steps: EntryPath['steps'], index: ModelIndex): Array<{ resource: Resource; description: string; steps: EntryPath['steps'] }> {
  return (machine.sends ?? []).flatMap((send) => {
    const target = index.resource(send.targetId);
    if (!target) return [];
    return [{ resource: target, description: `${description}, whose task ${send.state} sends to ${nameOf(target)}`, steps: [...steps, { loc: send.loc, message: `task ${send.state} of ${nameOf(machine)} sends to ${nameOf(target)}` }] }];
  });
}

/** Actions a service integration names that only read what the source holds. */
const READS = /^(Get|BatchGet|Query|Scan|Describe|List|Receive)/;

/** How a message says that something puts events into a source: a state machine is started, the others written to. */
function feeds(source: Resource | undefined): { base: string; third: string } {
  return source?.kind === 'state-machine' ? { base: 'start', third: 'starts' } : { base: 'write to', third: 'writes to' };
}

/** A URL that lacks the grant a public URL needs (`function-url-grants.ts`) answers nobody: no path. */
function urlPath(t: Trigger, fn: LambdaFunction, model: AppModel): EntryPath | undefined {
  const url = urlOfTrigger(fn, t.id);
  const reach = url ? urlReach(fn, url, model) : 'signed';
  if (reach === 'one-grant-away') return undefined;
  const open = reach === 'open';
  return {
    level: open ? 'public' : 'account',
    via: t.id,
    description: `${open ? 'anyone on the internet' : 'IAM principals allowed lambda:InvokeFunctionUrl'} can call the Function URL of ${nameOf(fn)}`,
    steps: [{ loc: t.loc, message: `Function URL${url ? qualifierText(url) : ''}, AuthType ${display(url?.authType)}` }],
  };
}

function sourcePath(t: Trigger, index: ModelIndex, fn: LambdaFunction): EntryPath {
  const source = index.resource(t.sourceId);
  const mailRule = source && t.kind === 's3' ? bucketsReceivingMail(index.model).get(source.id) : undefined;
  if (source && mailRule) return storedMailPath(t, mailRule, source, fn);
  const grant = source ? publicWriteGrant(source) : undefined;
  if (source && grant) {
    const verb = WRITE_VERBS[source.kind] ?? 'write to';
    return {
      level: 'public',
      via: t.id,
      description: `anyone on the internet can ${verb} ${nameOf(source)}, which invokes ${nameOf(fn)}`,
      steps: [
        { loc: grant.loc, message: `${nameOf(source)} is writable by anyone (${grant.how === 'acl' ? 'public-read-write ACL' : 'resource policy allows Principal "*"'})` },
        { loc: t.loc, message: `${t.kind} event from ${nameOf(source)} invokes ${nameOf(fn)}` },
      ],
    };
  }
  if (t.kind === 'ses') return receivedMailPath(t, source, fn);
  if (t.kind === 'iot-authorizer' && t.details['signingDisabled'] === true) return unsignedAuthorizerPath(t, source, fn);
  if (t.kind === 'transfer-identity-provider' && t.details['internetFacing'] === true) return signInPath(t, source, fn);
  if (t.kind === 'cloudfront') return edgePath(t, source, fn);
  const level = sourceLevel(t, source, index);
  return {
    level,
    via: t.id,
    description: `${t.kind} events${source ? ` from ${nameOf(source)}` : t.source !== undefined ? ` from ${display(t.source)}` : ''} invoke ${nameOf(fn)}`,
    steps: [{ loc: t.loc, message: `${t.kind} trigger` }],
  };
}

const ACCOUNT_SOURCES = new Set<TriggerKind>(['sqs', 'sns', 's3', 'kafka-msk', 'kafka-self-managed', 'mq', 'documentdb']);

/** Sources outside the template may be written by anyone the account allows; IoT and Cognito by their users; a GraphQL API by whom its authorization admits; an Object Lambda access point, a Bedrock agent or a CodeCommit repository by the account's principals. VPC Lattice and Firehose stay internal: clients in the service network's VPCs, producers in the account. */
function sourceLevel(t: Trigger, source: Resource | undefined, index: ModelIndex): ExposureLevel {
  // A signed token comes from whoever holds the authorizer's signing key: the application's devices.
  if (t.kind === 'cognito-user-pool' || t.kind === 'iot' || t.kind === 'iot-authorizer') return 'authenticated';
  // An Object Lambda access point answers IAM principals its policy and their own policies allow;
  // an agent, those allowed bedrock:InvokeAgent; a repository, those allowed to push to it.
  if (t.kind === 's3-object-lambda' || t.kind === 'bedrock-agent' || t.kind === 'codecommit') return 'account';
  if (t.kind === 'appsync-resolver') return graphqlCallers(source, index);
  if (source === undefined && t.source !== undefined && ACCOUNT_SOURCES.has(t.kind)) return 'account';
  return 'internal';
}

/**
 * Who a GraphQL API lets in, by its default authorization mode: IAM principals of the account, or
 * users, API-key holders and authorizer-approved callers (also when the mode is not known).
 */
function graphqlCallers(api: Resource | undefined, index: ModelIndex): ExposureLevel {
  const mode = api ? graphqlApiFacts(api, index.model)?.defaultMode : undefined;
  return mode === 'AWS_IAM' ? 'account' : 'authenticated';
}

function permissionPath(p: InvokePermission, index: ModelIndex): EntryPath | undefined {
  const fn = index.function(p.functionId);
  if (!fn) return undefined;
  const principal = display(p.principal);
  const conditioned = p.sourceArn !== undefined || p.sourceAccount !== undefined || p.principalOrgId !== undefined;
  const service = /\.amazonaws\.com(\.cn)?$/.test(principal);
  if (service && conditioned) return undefined; // the trigger it serves is the path
  if (p.viaFunctionUrl) return undefined; // reachable only through the URL, whose own path says who can call it
  const ownAccount = service && invokesOnlyForOwnAccount(principal);
  const level: ExposureLevel = conditioned || ownAccount ? 'account' : principal === '*' || service ? 'public' : 'account';
  const who = principal === '*' ? (conditioned ? 'principals matching its conditions' : 'any AWS account') : ownAccount ? `any resource of ${principal} in the function's account` : service ? `any resource of ${principal}, in any account,` : `principal ${principal}`;
  return {
    level,
    via: p.id,
    description: `${who} can invoke ${nameOf(fn)} through permission ${nameOf(p)}`,
    steps: [{ loc: p.loc, message: `permission for ${principal}` }],
  };
}

/** A function that can write into another function's source passes its exposure on. */
function propagateChains(model: AppModel, index: ModelIndex, result: Map<string, FunctionExposure>): void {
  const writers = new SourceWriterIndex(index);
  const candidates = new Map(model.triggers.map((t) => [t, writers.candidates(t)]));
  for (let round = 0; round <= model.functions.length; round++) {
    let changed = false;
    for (const t of model.triggers) {
      for (const writer of candidates.get(t) ?? []) {
        if (writer.id === t.functionId) continue;
        const exposure = result.get(writer.id);
        const grant = exposure && exposure.level !== 'internal' ? writers.writes.get(writer.id)?.find((w) => w.covers(t)) : undefined;
        if (!exposure || !grant) continue;
        changed = addPath(result, t.functionId, chainPath(writer, exposure, t, index, grant.loc)) || changed;
      }
    }
    if (!changed) return;
  }
}

/** Whether an environment variable of the function refers to the resource (`QUEUE_URL: !Ref Queue`): the code is told where to write. */
function namesInEnvironment(fn: LambdaFunction, resourceId: string): boolean {
  return fn.environment.some((v) => referencedResource(v.value)?.target === resourceId);
}

function chainPath(writer: LambdaFunction, exposure: FunctionExposure, t: Trigger, index: ModelIndex, grantLoc: EntryPath['steps'][number]['loc']): EntryPath {
  const target = index.function(t.functionId)!;
  const source = index.resource(t.sourceId);
  const first = exposure.paths.find((p) => p.level === exposure.level)!;
  const through = source ? nameOf(source) : t.kind;
  const roleOnlyHops = (first.roleOnlyHops ?? 0) + (source && namesInEnvironment(writer, source.id) ? 0 : 1);
  return {
    level: exposure.level,
    via: `${writer.id}->${t.id}`,
    roleOnlyHops,
    description: `${first.description}; ${nameOf(writer)} can ${feeds(source).base} ${through}, which invokes ${nameOf(target)}`,
    steps: [...first.steps, { loc: grantLoc, message: `${nameOf(writer)}'s role can ${feeds(source).base} ${through}` }, { loc: t.loc, message: `${t.kind} event invokes ${nameOf(target)}` }],
  };
}
