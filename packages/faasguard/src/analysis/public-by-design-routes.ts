/**
 * Routes that must answer callers who have no credentials yet: an authorizer in front of them
 * would lock every user out. They are still entry points (rate limits, account enumeration,
 * brute force), but "no authorizer" is their design, not a mistake.
 *
 * - Signing in, signing up and recovering a password: the caller proves who they are to the
 *   function itself (`/login`, `/signup`, `/forgot-password` …).
 * - OAuth and OpenID Connect: the provider redirects the browser to `/callback` with a one-time
 *   code; `/token` authenticates the client by the credentials in its body; `/.well-known/…`
 *   publishes keys and metadata; everything under an `auth`/`oauth` segment is the sign-in
 *   service's own API, which checks tokens itself.
 * - Health checks: load balancers and uptime monitors call them without credentials. They are
 *   listed because a health route that requires a token fails its monitor; what such a route
 *   costs when flooded is the denial-of-service rules' concern.
 */
import { lookupTable } from '../util/own-keys.js';

export type PublicRouteReason = 'sign-in' | 'oauth' | 'health';

/** Last path segment → why the route is public. */
const LAST_SEGMENT: Readonly<Record<string, PublicRouteReason>> = {
  login: 'sign-in',
  signin: 'sign-in',
  'sign-in': 'sign-in',
  logon: 'sign-in',
  signup: 'sign-in',
  'sign-up': 'sign-in',
  register: 'sign-in',
  'forgot-password': 'sign-in',
  'reset-password': 'sign-in',
  'password-reset': 'sign-in',
  'confirm-signup': 'sign-in',
  'confirm-sign-up': 'sign-in',
  confirmsignup: 'sign-in',
  'verify-email': 'sign-in',
  'confirm-email': 'sign-in',
  callback: 'oauth',
  token: 'oauth',
  authorize: 'oauth',
  jwks: 'oauth',
  'jwks.json': 'oauth',
  health: 'health',
  healthz: 'health',
  healthcheck: 'health',
  'health-check': 'health',
  ping: 'health',
};

/** A segment anywhere in the path that puts the route in a sign-in service. */
const SERVICE_SEGMENT: Readonly<Record<string, PublicRouteReason>> = lookupTable({
  auth: 'sign-in',
  oauth: 'oauth',
  oauth2: 'oauth',
  '.well-known': 'oauth',
});

/**
 * Steps of signing up that a bare word names (`/confirm`: the code e-mailed to a new user): public
 * only beside a sign-in route of the same API under the same parent path (`/login`, `/signup`), since
 * `/orders/{id}/confirm` is no such step.
 */
const SIGN_UP_STEP: ReadonlySet<string> = new Set(['confirm', 'verify', 'resend-code']);

/**
 * What the route is for, when it is one that must be public. `siblingPaths`: the paths of the routes
 * of its API, which tell a sign-up step named by a bare word (asked only then).
 */
export function publicRouteReason(routePath: string, siblingPaths: () => readonly string[] = () => []): PublicRouteReason | undefined {
  const segments = routePath.toLowerCase().split('/').filter((s) => s !== '');
  const last = segments.at(-1);
  if (last !== undefined && Object.hasOwn(LAST_SEGMENT, last)) return LAST_SEGMENT[last];
  const service = segments.find((s) => Object.hasOwn(SERVICE_SEGMENT, s));
  if (service !== undefined) return SERVICE_SEGMENT[service];
  return last !== undefined && SIGN_UP_STEP.has(last) && siblingPaths().some((p) => besideSignIn(p, segments)) ? 'sign-in' : undefined;
}

/** Whether `path` is a sign-in route under the same parent as the route of `segments`. */
function besideSignIn(path: string, segments: readonly string[]): boolean {
  const other = path.toLowerCase().split('/').filter((s) => s !== '');
  const last = other.at(-1);
  if (last === undefined || LAST_SEGMENT[last] !== 'sign-in' || other.length !== segments.length) return false;
  return other.slice(0, -1).every((s, i) => s === segments[i]);
}

export const PUBLIC_ROUTE_PURPOSE: Readonly<Record<PublicRouteReason, string>> = {
  'sign-in': 'a sign-in, sign-up or password-recovery route, which callers reach before they have credentials',
  oauth: 'an OAuth/OpenID Connect endpoint (callback, token, keys), which the protocol calls without an authorizer token',
  health: 'a health check, which load balancers and monitors call without credentials',
};
