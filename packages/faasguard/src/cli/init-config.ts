/**
 * `faasguard init [dir]`: writes the starter configuration (see `config/starter-config.ts`) under the
 * first name of the search order. It never overwrites a file unless asked, and never writes a second
 * configuration next to one of another name (which would make every scan fail).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { starterConfig } from '../config/starter-config.js';
import { UsageError } from './usage-error.js';

/** Returns the file written. */
export function writeStarterConfig(dir: string, force: boolean): string {
  if (!isDirectory(dir)) throw new UsageError(`${dir} is not a directory`);
  const [name, ...otherNames] = CONFIG_FILE_NAMES;
  const file = path.join(dir, name);
  const other = otherNames.map((n) => path.join(dir, n)).find((f) => existsSync(f));
  if (other !== undefined) throw new UsageError(`${other} exists: faasguard reads one configuration file per directory`);
  if (existsSync(file) && !force) throw new UsageError(`${file} exists; --force overwrites it`);
  writeFileSync(file, starterConfig());
  return file;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
