/**
 * Whether an Application Load Balancer writes access logs: its `LoadBalancerAttributes` entry
 * `access_logs.s3.enabled` is `true` (Terraform's `access_logs { enabled = true }` is translated to
 * it). Left out, or `false`, is off, the default for every load balancer; a value the scan cannot read
 * (a parameter, a condition) is unknown. Network and Gateway Load Balancers are not judged: the one
 * writes access logs for its TLS listeners only, the other none.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asString, isValueMap, type Value } from '../value.js';
import { LOAD_BALANCER_TYPE } from './load-balancer-listeners.js';

export interface LoadBalancerAccessLogs {
  state: 'on' | 'off' | 'unknown';
  /** `access_logs.s3.enabled` written as false (not left out) */
  writtenOff: boolean;
  /** `internet-facing` when `Scheme` is left out or says so, `internal`, or `unknown` (a parameter) */
  scheme: 'internet-facing' | 'internal' | 'unknown';
  /** The attributes when written, else the load balancer */
  loc: SourceLocation;
}

const ACCESS_LOGS_KEY = 'access_logs.s3.enabled';

export function loadBalancerAccessLogs(lb: Resource): LoadBalancerAccessLogs | undefined {
  if (lb.type !== LOAD_BALANCER_TYPE) return undefined;
  const p = lb.properties;
  const type = p['Type'];
  if (type !== undefined && asString(type)?.toLowerCase() !== 'application') return undefined;
  const attributes = p['LoadBalancerAttributes'];
  const loc = attributes === undefined ? lb.loc : lb.locate('LoadBalancerAttributes');
  const scheme = schemeOf(p['Scheme']);
  if (attributes !== undefined && !Array.isArray(attributes)) return { state: 'unknown', writtenOff: false, scheme, loc };
  const entry = asArray(attributes).find((a) => isValueMap(a) && a['Key'] === ACCESS_LOGS_KEY);
  if (entry === undefined) return { state: 'off', writtenOff: false, scheme, loc };
  const value = isValueMap(entry) ? entry['Value'] : undefined;
  const text = typeof value === 'boolean' ? String(value) : asString(value)?.toLowerCase();
  if (text === 'true') return { state: 'on', writtenOff: false, scheme, loc };
  if (text === 'false' || value === undefined) return { state: 'off', writtenOff: text === 'false', scheme, loc };
  return { state: 'unknown', writtenOff: false, scheme, loc };
}

function schemeOf(v: Value | undefined): LoadBalancerAccessLogs['scheme'] {
  if (v === undefined) return 'internet-facing';
  const text = asString(v)?.toLowerCase();
  return text === 'internet-facing' || text === 'internal' ? text : 'unknown';
}
