/**
 * Where a function's settings are written, under the names each resource type gives them (SAM
 * `Tracing` or CloudFormation `TracingConfig.Mode` …), so that findings point at the setting.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';

/** Function settings that findings point at. */
export type FunctionSetting = 'runtime' | 'timeout' | 'memory' | 'tracing';

const PATHS: Readonly<Record<FunctionSetting, ReadonlyArray<readonly string[]>>> = {
  runtime: [['Runtime']],
  timeout: [['Timeout']],
  memory: [['MemorySize']],
  tracing: [['Tracing'], ['TracingConfig', 'Mode']],
};

/** Where `setting` is written on the function's resource (SAM Globals included); undefined when it is not. */
export function functionSettingLoc(fnResource: Resource | undefined, setting: FunctionSetting): SourceLocation | undefined {
  if (!fnResource) return undefined;
  const path = PATHS[setting].find((p) => fnResource.properties[p[0]!] !== undefined);
  return path ? fnResource.locate(...path) : undefined;
}
