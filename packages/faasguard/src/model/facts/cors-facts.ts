/**
 * Which web origins a CORS configuration lets read responses, in the forms templates write it:
 * SAM `Cors` of a REST API (`"'*'"` or `AllowOrigin: "'*'"`, quoted as header values), HTTP API
 * `CorsConfiguration` (`true` or `AllowOrigins: ['*']`) and Function URL `Cors` (`AllowOrigins`).
 */
import { asArray, asBoolean, isValueMap, type Value } from '../value.js';

/** Typed view of a CORS configuration. */
export interface CorsFacts {
  /** Any web site may call the endpoint from a visitor's browser and read the answer */
  anyOrigin: boolean;
  /** `AllowCredentials: true`: browsers send the visitor's cookies and authorization headers */
  allowCredentials: boolean;
}

export function corsFacts(cors: Value | undefined): CorsFacts | undefined {
  if (cors === undefined || cors === null || cors === false) return undefined;
  // SAM: `CorsConfiguration: true` (HTTP API) allows every origin.
  if (cors === true) return { anyOrigin: true, allowCredentials: false };
  if (typeof cors === 'string') return { anyOrigin: isWildcard(cors), allowCredentials: false };
  if (!isValueMap(cors)) return undefined;
  const origins = [...asArray(cors['AllowOrigins']), ...asArray(cors['AllowOrigin'])];
  return { anyOrigin: origins.some(isWildcard), allowCredentials: asBoolean(cors['AllowCredentials']) === true };
}

/** `*` and SAM's header-value form `'*'`. */
function isWildcard(v: Value): boolean {
  return typeof v === 'string' && v.replace(/^'|'$/g, '').trim() === '*';
}
