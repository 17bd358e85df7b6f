/**
 * Options of the library's project functions (`scanProject`, `attackSurface`, `leastPrivilege`):
 * scan options plus the configuration file to honour, resolved as the command line does.
 */
import { applyConfig } from '../config/apply-config.js';
import type { FaasguardConfig } from '../config/config.js';
import { configForScan } from '../config/config-for-scan.js';
import type { ScanOptions } from '../scan/scan.js';

export interface ProjectOptions extends ScanOptions {
  /**
   * The configuration file to read (that one only, as `--config`), or `false` for none (as
   * `--no-config`). Default: the one found in the target's directory or its parents, up to the
   * repository root, as the command line does. The other options win over it, as flags do.
   */
  config?: string | false;
}

/** The configuration `options.config` chooses for `target`, and the scan options with it applied. Throws `ConfigError` for a bad file. */
export function resolveProjectOptions(target: string, options: ProjectOptions): { config?: FaasguardConfig; scanOptions: ScanOptions } {
  const { config: choice, ...flags } = options;
  const config = configForScan(target, { ...(typeof choice === 'string' ? { file: choice } : {}), disabled: choice === false });
  return { ...(config ? { config } : {}), scanOptions: applyConfig(flags, config) };
}
