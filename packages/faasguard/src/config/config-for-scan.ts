/**
 * The configuration a command uses: the file `--config` names (that one only), none with
 * `--no-config`, else the one found upward from the scanned directory (see `find-config.ts`).
 */
import { ALL_RULES } from '../rules/index.js';
import { scanRootOf } from '../scan/load-formats.js';
import type { FaasguardConfig } from './config.js';
import { findConfigFile } from './find-config.js';
import { readConfig } from './read-config.js';

/** `--config <file>` and `--no-config`, as given. */
export interface ConfigChoice {
  file?: string;
  disabled: boolean;
}

export function configForScan(target: string, choice: ConfigChoice): FaasguardConfig | undefined {
  if (choice.disabled) return undefined;
  const file = choice.file ?? findConfigFile(scanRootOf(target).root);
  return file === undefined ? undefined : readConfig(file, ALL_RULES.map((r) => r.meta.id));
}
