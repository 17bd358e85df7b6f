import { whoseRoleCan } from '../../analysis/reach-text.js';
import { connectionGate } from '../../model/connection-gate.js';
import { ModelIndex } from '../../model/model-index.js';
import type { Api, Route } from '../../model/app-model.js';
import { namesText } from '../privilege/privilege-text.js';
import { publicRouteReason, PUBLIC_ROUTE_PURPOSE } from '../../analysis/public-by-design-routes.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { routeName } from '../../model/route-name.js';
import { apiPolicyNarrowing } from '../../analysis/api-policy-callers.js';
import { frontText, heldBackByPrivateNetwork, internetFrontOf } from '../../analysis/private-api-fronts.js';
import { certificateGate, certificateHolders } from '../../analysis/certificate-gate.js';
import type { EndpointFront } from '../../model/facts/load-balancer-endpoint-targets.js';

/** CORS preflight requests carry no credentials by design. */
const PREFLIGHT = 'OPTIONS';

/**
 * The route API Gateway runs when a connection closes: a client does not call it and sends it
 * nothing; who may connect at all is `$connect`'s finding.
 */
const DISCONNECT = '$disconnect';
const CONNECT = '$connect';

export const apiRouteWithoutAuth: Rule = {
  meta: {
    id: 'api-route-without-auth',
    title: 'API route without authorization',
    category: 'SAS-2',
    cwe: ['CWE-306'],
    severity: 'high',
    description:
      'An API Gateway route that invokes a function has no authorizer, no IAM authorization and no API key. Anyone who can reach the API can call the function with any input, so every weakness in the function is reachable from the internet. Routes that must be public by design (sign-in, sign-up and password recovery, a sign-up confirmation named by a bare word such as `/confirm` beside the API\'s own `/login` or `/signup`, OAuth callbacks, token and key endpoints, health checks) are reported at `info`.\n\n' +
      'Routes with no function behind them are judged too: an HTTP backend, or an AWS service integration that writes to a queue, a topic or a table, is as open as a function (when that source triggers a function, `function-exposed-through-chain` follows the chain); an SNS integration that publishes to the phone number the request gives lets anyone send SMS messages, billed per message, to numbers they choose, and the message says so. A mock integration answers from API Gateway itself and reaches nothing: it is reported at `info` (an open mock `$connect` of a WebSocket API says which routes it admits every client to), and so is a REST custom integration that passes no request through (`PassthroughBehavior: NEVER` without a request template), which API Gateway answers 415. A route that forwards to an AppSync API of the app is not reported: AppSync authorizes every request itself (an API key at the least, which `appsync-api-key-only` judges). CORS preflight (`OPTIONS`) routes are not reported. A WebSocket API authorizes a client once, on its `$connect` route: its other routes take no authorization of their own and are reported only when `$connect` admits connections without any (the message then says to authorize `$connect`) or the API declares no `$connect`, which admits every client (the message then says to add one with an authorizer), and `$disconnect`, which API Gateway runs when a connection closes, is not reported.\n\n' +
      'A REST API whose resource policy admits calls only from some source addresses, VPCs or endpoints, at some times or by named principals (API Gateway then needs an explicit Allow, and honours a Deny such as `NotIpAddress`) keeps the rest of the internet from its open routes: they are reported at medium with what the policy admits, and their functions do not count as public for the denial-of-service rules. A policy that allows everyone, or denies only listed addresses, leaves the routes public. ' +
      'A private API is held back the same way (reported at medium), unless an internet-facing load balancer forwards to the addresses of an `execute-api` VPC endpoint its resource policy admits (the addresses a custom resource handed the endpoint looks up, or in Terraform a `data "aws_network_interface"` of its `network_interface_ids`): API Gateway picks the API by the `Host` header any caller of the load balancer sets, so its open routes are public. An API whose default endpoint is disabled and whose every custom domain asks for a client certificate (mutual TLS) is reached only by clients holding a certificate the trust store admits: its open routes are reported at medium, with who can call them. ' +
      'Methods and routes a template adds to an API it does not declare (`RestApiId: !ImportValue shared-api`, a parameter, a literal id) are judged too; the message then says that the API is defined outside the template, and reachable from the internet unless it is private.',
    remediation:
      'Attach an authorizer to the route (Cognito user pool, JWT or Lambda authorizer), or require IAM authorization. In SAM, set `Auth.DefaultAuthorizer` on the API and remove `Authorizer: NONE` from the event; in plain CloudFormation set `AuthorizationType` on the method or route. If the route is public on purpose, say so with a suppression and a reason.',
    example: {
      language: 'yaml',
      vulnerable: 'Events:\n  List:\n    Type: Api\n    Properties:\n      Path: /orders\n      Method: get',
      fixed: 'Events:\n  List:\n    Type: Api\n    Properties:\n      Path: /orders\n      Method: get\n      RestApiId: !Ref OrdersApi   # Auth.DefaultAuthorizer: CognitoAuth',
    },
    references: ['https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-controlling-access-to-apis.html'],
    judges: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_59', 'cfn-nag W59', 'KICS API Gateway With Open Access'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const route of model.routes) {
      if (!isOpen(route) || route.method === PREFLIGHT || reachesSelfAuthenticatingBackend(route, index)) continue;
      const api = index.api(route.apiId);
      if (api?.protocol === 'websocket' && (route.path === DISCONNECT || authorizedAtConnection(route, api, index))) continue;
      const fn = index.function(route.functionId);
      const whose = fn ? whoseRoleCan(fn, index) : '';
      const target = fn ? `invokes function ${nameOf(fn)}${whose}` : integrationText(route, index);
      // Said first where the function's powers follow, so that the list does not bury it.
      const opening = whose ? `has no authorization and ${target}` : `${target} with no authorization`;
      const apiName = api ? nameOf(api) : route.apiId;
      // Callers held back by the network or the resource policy, not by signing in.
      const certificates = certificateGate(api, model);
      const heldBack = heldBackByPrivateNetwork(api, model) || apiPolicyNarrowing(api) !== undefined || certificates !== undefined;
      const front = internetFrontOf(api, model);
      const who = certificates ? `only ${certificateHolders(certificates)} can call it, since the API's default endpoint is disabled` : `anyone who can reach the API${callersPlace(api, front)} can call it`;
      const reason = publicRouteReason(route.path, () => (api ? index.routesOf(api).map((r) => r.path) : []));
      const related = [...(fn ? [{ loc: fn.loc, message: `function ${nameOf(fn)}` }] : []), ...(front ? [{ loc: front.loc, message: `listener of load balancer ${nameOf(front.loadBalancer)}` }] : [])];
      const base = { location: route.auth.loc, related, subject: subjectOf(route), key: [apiName, route.method, route.path] };
      // A mock integration answers from the API's own configuration: nothing behind it is reached.
      if (route.integration?.kind === 'mock') {
        const admitted = api?.protocol === 'websocket' && route.path === CONNECT ? connectAdmits(api, index) : '';
        const message = admitted
          ? `Route $connect of API ${apiName} has no authorization: its mock integration reaches nothing, but a WebSocket API authorizes clients on $connect alone, so ${connectingClients(who, admitted)}. Add an authorizer to $connect.`
          : `Route ${routeName(route)} of API ${apiName} has no authorization, but its mock integration answers from API Gateway itself: nothing behind it is reached. Keep it free of data; ${who}.`;
        results.push({ ...base, message, severity: 'info' });
        continue;
      }
      if (route.integration?.rejectsEveryRequest) {
        results.push({ ...base, message: `Route ${routeName(route)} of API ${apiName} has no authorization, but its integration passes no request through (PassthroughBehavior NEVER with no request template): API Gateway answers every request 415, and nothing behind it is reached. If the route is meant to work, add its request template and authorization together; ${who}.`, severity: 'info' });
        continue;
      }
      if (reason) {
        results.push({
          ...base,
          message: `Route ${routeName(route)} of API ${apiName} ${opening}, as expected: it is ${PUBLIC_ROUTE_PURPOSE[reason]}; ${who}, so the function must check what it is given and limit attempts itself.`,
          severity: 'info',
        });
        continue;
      }
      // A WebSocket API takes authorization on `$connect` only: its other routes are as open as it.
      const gate = api ? connectionGate(route, api, index) : undefined;
      const fix = webSocketFix(route, api, gate);
      results.push({
        ...base,
        ...(gate ? { related: [...base.related, { loc: gate.auth.loc, message: `route ${routeName(gate)}, which admits every connection` }] } : {}),
        message: `Route ${routeName(route)} of API ${apiName} ${opening}: ${who}.${fix}`,
        ...(heldBack ? { severity: 'medium' as const } : {}),
      });
    }
    return results;
  },
};

/**
 * AppSync authorizes every request itself (an API key at the least; it has no open mode), so a
 * route that forwards to an AppSync API of the app admits only callers AppSync admits, which
 * `appsync-api-key-only` judges.
 */
const SELF_AUTHENTICATING_BACKENDS = new Set(['AWS::AppSync::GraphQLApi', 'AWS::AppSync::Api']);

function reachesSelfAuthenticatingBackend(route: Route, index: ModelIndex): boolean {
  const integration = route.integration;
  if (integration?.kind !== 'http') return false;
  const target = index.resource(integration.targetId);
  return target !== undefined && SELF_AUTHENTICATING_BACKENDS.has(target.type);
}

function isOpen(route: Route): boolean {
  return route.auth.type === 'none' && !route.auth.apiKeyRequired;
}

/** `anyone who can reach the API on the internet can connect and use its route sendOrder` */
function connectingClients(who: string, admitted: string): string {
  const callers = who.endsWith(CAN_CALL) ? who.slice(0, -CAN_CALL.length) : undefined;
  return callers !== undefined ? `${callers} can connect and use ${admitted}` : `every client that connects can use ${admitted} (${who})`;
}

const CAN_CALL = ' can call it';

/** The routes a WebSocket API's `$connect` admits clients to (`its routes sendOrder and ping`); empty when it has none but `$disconnect`. */
function connectAdmits(api: Api, index: ModelIndex): string {
  const names = index.routesOf(api).filter((r) => r.path !== CONNECT && r.path !== DISCONNECT).map(routeName);
  if (names.length === 0) return '';
  return `its route${names.length === 1 ? '' : 's'} ${namesText([...new Set(names)])}`;
}

/** Where a WebSocket API takes authorization: on `$connect`, which admits any client, or on a `$connect` it lacks. */
function webSocketFix(route: Route, api: Api | undefined, gate: Route | undefined): string {
  if (gate) return ` A WebSocket API takes authorization on ${routeName(gate)} only, which admits any client here: authorize it.`;
  if (api && lacksConnectRoute(api, route)) return ' A WebSocket API takes authorization on its $connect route only, and this one declares none: add $connect with an authorizer or IAM authorization.';
  return '';
}

/** A WebSocket API of the template without a `$connect` route: every client connects, and no route can authorize it. */
function lacksConnectRoute(api: Api, route: Route): boolean {
  return api.protocol === 'websocket' && !api.definedElsewhere && route.path !== CONNECT && route.path !== DISCONNECT;
}

/** A WebSocket API's route reached only through a connection its `$connect` authorized. */
function authorizedAtConnection(route: Route, api: Api, index: ModelIndex): boolean {
  const gate = connectionGate(route, api, index);
  return gate !== undefined && !isOpen(gate);
}

/**
 * Where the API's callers are: its endpoint type or resource policy says, unless the API is defined
 * in another stack or a load balancer brings the internet to a private API.
 */
function callersPlace(api: Api | undefined, front: EndpointFront | undefined): string {
  if (front) return ` (a private API, but ${frontText(front)}: anyone on the internet)`;
  const narrowing = apiPolicyNarrowing(api);
  if (narrowing) return ` (its resource policy admits calls ${narrowing.admits})`;
  if (api?.endpointType === 'PRIVATE') return api.resourcePolicy ? ' (a private API: anyone in the VPCs and behind the endpoints its resource policy admits)' : ' (a private API: anyone in the VPCs whose endpoints reach it)';
  if (api?.definedElsewhere) return ' (defined outside this template: on the internet unless it is private)';
  return ' on the internet';
}

/** What a route without a function of the model reaches, as far as the model says. */
function integrationText(route: Route, index: ModelIndex): string {
  const integration = route.integration;
  if (integration?.kind === 'http') return 'forwards requests to an HTTP backend';
  if (integration?.kind === 'lambda') return 'invokes a Lambda function';
  if (integration?.kind !== 'aws-service') return 'has an integration';
  if (integration.smsToCallerNumber) return 'sends SMS messages, billed per message, to any phone number the caller gives (sns:Publish)';
  const target = index.resource(integration.targetId);
  if (target && integration.service && integration.action) return `reaches ${nameOf(target)} through ${integration.service}:${integration.action}`;
  const operation = integration.service && integration.action ? `${integration.service}:${integration.action}` : integration.service;
  return `calls ${operation ?? 'an AWS service'}${target ? ` on ${nameOf(target)}` : ''}`;
}
