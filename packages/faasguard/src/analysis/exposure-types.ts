/**
 * Exposure: who can make each function run, and how.
 *
 * Levels, from the widest to the narrowest:
 * - `public`: anyone on the internet, unauthenticated (an open route, a Function URL with no auth,
 *   an internet-facing load balancer that forwards to the function without signing callers in, a
 *   bucket or topic anyone may write to, an invoke permission for `*`).
 * - `authenticated`: any signed-in user or holder of an API key.
 * - `account`: principals of this AWS account (IAM-authorized routes and URLs, other accounts named
 *   explicitly count here too, with the path saying so), and the open routes of a private API,
 *   which only the VPCs that reach it can call (the path says so: not IAM, the network holds them back),
 *   and those of a public REST API whose resource policy admits only some sources or times.
 * - `internal`: only AWS services wired in the template (schedules, streams, queues no outsider can write to).
 */
import type { SourceLocation } from '../model/location.js';

export type ExposureLevel = 'public' | 'authenticated' | 'account' | 'internal';

export const EXPOSURE_ORDER: readonly ExposureLevel[] = ['public', 'authenticated', 'account', 'internal'];

/** One way in: an entry point and who can use it. */
export interface EntryPath {
  level: ExposureLevel;
  /** Id of the trigger (route, URL, event source) or permission this path goes through */
  via: string;
  /** Human description, e.g. "anyone on the internet can upload an object to UploadsBucket" */
  description: string;
  /** Each hop from the outside to the function, for chains through other functions */
  steps: Array<{ loc: SourceLocation; message: string }>;
  /**
   * Hops of a chain that only the writer's role allows, its configuration not naming the source it
   * would write to (no environment variable refers to it): a relay the code may never make. Of
   * paths equally wide, one with fewer such hops is named first. Absent on paths that are not chains.
   */
  roleOnlyHops?: number;
}

export interface FunctionExposure {
  functionId: string;
  /** The widest level among its paths; `internal` when it has none */
  level: ExposureLevel;
  paths: EntryPath[];
}

export function widerOf(a: ExposureLevel, b: ExposureLevel): ExposureLevel {
  return EXPOSURE_ORDER.indexOf(a) <= EXPOSURE_ORDER.indexOf(b) ? a : b;
}
