import type { HttpSourceName } from './source-name.js';
import { asObject as asObj } from './json-object.js';

/**
 * The parts of an HTTP-triggered event that authentication and rate limiting
 * need, read the same way whatever the HTTP source.
 */
export interface HttpRequestView {
  /** Header names in lower case; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as received (base64-decoded when the platform encoded it). */
  readonly rawBody: string;
  readonly method: string;
  readonly path: string;
  /** The caller's address as seen by AWS, when the platform reports one. */
  readonly sourceIp: string | undefined;
}

type Obj = Record<string, unknown>;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function readHttpRequest(event: unknown, source: HttpSourceName): HttpRequestView {
  const e = asObj(event);
  const context = asObj(e['requestContext']);
  return {
    headers: normaliseHeaders(e),
    rawBody: readRawBody(e),
    method: readMethod(e, context),
    path: str(e['rawPath']) || str(e['path']) || str(e['raw_path']) || str(context['routeKey']),
    sourceIp: readSourceIp(e, context, source),
  };
}

function normaliseHeaders(event: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  const multi = asObj(event['multiValueHeaders']);
  for (const [name, values] of Object.entries(multi)) {
    if (Array.isArray(values)) out[name.toLowerCase()] = values.map(String).join(',');
  }
  const single = asObj(event['headers']);
  for (const [name, value] of Object.entries(single)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
    // VPC Lattice (event version 2) lists every header's values.
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(',');
  }
  return out;
}

/** The request body as text: the platform base64-encodes binary bodies. */
export function readRawBody(event: Obj): string {
  const body = event['body'];
  if (typeof body !== 'string') return '';
  // VPC Lattice event version 1 spells the flag in snake case.
  if (event['isBase64Encoded'] === true || event['is_base64_encoded'] === true) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

function readMethod(event: Obj, context: Obj): string {
  const http = asObj(context['http']);
  return str(http['method']) || str(event['httpMethod']) || str(event['method']) || str(context['eventType']);
}

function readSourceIp(event: Obj, context: Obj, source: HttpSourceName): string | undefined {
  const http = asObj(context['http']);
  const identity = asObj(context['identity']);
  const ip = str(http['sourceIp']) || str(identity['sourceIp']);
  if (ip) return ip;
  if (source !== 'alb') return undefined;
  // The load balancer appends the peer address last; earlier entries come from the client and can be forged.
  const forwarded = normaliseHeaders(event)['x-forwarded-for'];
  const last = forwarded?.split(',').pop()?.trim();
  return last || undefined;
}
