/**
 * `faasguard init [dir]`: writes the starter configuration (see `config/starter-config.ts`) under the
 * first name of the search order. It never overwrites a file unless asked, and never writes a second
 * configuration next to one of another name (which would make every scan fail). Its first line
 * points editors at the schema of the faasguard installed for the project.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import { DEFAULT_SCHEMA_REF, starterConfig } from '../config/starter-config.js';
import { isDirectory, isFile } from './file-kinds.js';
import { UsageError } from './usage-error.js';

/** Returns the file written. */
export function writeStarterConfig(dir: string, force: boolean): string {
  if (!isDirectory(dir)) throw new UsageError(`${dir} is not a directory`);
  const [name, ...otherNames] = CONFIG_FILE_NAMES;
  const file = path.join(dir, name);
  const other = otherNames.map((n) => path.join(dir, n)).find((f) => existsSync(f));
  if (other !== undefined) throw new UsageError(`${other} exists: faasguard reads one configuration file per directory`);
  if (existsSync(file) && !force) throw new UsageError(`${file} exists; --force overwrites it`);
  writeFileSync(file, starterConfig(schemaRefFrom(dir)));
  return file;
}

/** The schema in the nearest `node_modules/faasguard` from `dir` upward, relative to `dir`; else the usual place. */
function schemaRefFrom(dir: string): string {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const schema = path.join(at, DEFAULT_SCHEMA_REF);
    if (isFile(schema)) return path.relative(path.resolve(dir), schema).split(path.sep).join('/');
    if (path.dirname(at) === at) return DEFAULT_SCHEMA_REF;
  }
}
