/**
 * Files that look meant as a configuration but have a name faasguard does not read
 * (`faasguard.yaml`, `faasguard.config.toml`, `.faasguardrc`): they are reported, since a
 * configuration ignored in silence makes a scan differ from what its author expects.
 *
 * A name is near when it is a few edits from an accepted one, or has the right stem and one other
 * extension: `.faasguard`, `faasguard.config` or a `…rc` with any, `faasguard` with a data format's
 * (a project's own `faasguard.py` is code, not a configuration).
 * Editor and backup copies (`~`, `.bak`, `.orig`, `.swp` …) are put aside on purpose and not reported.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { editDistance } from './did-you-mean.js';
import { CONFIG_FILE_NAMES, searchedDirs } from './find-config.js';

const ACCEPTED: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);
const BACKUP = /(~|\.(bak|backup|orig|old|swp|tmp|rej))$/i;
const CONFIG_STEM = /^(\.faasguard|\.?faasguard\.config|\.?faasguardrc)(\.[a-z0-9]+)?$/i;
const DATA_FILE = /^faasguard\.(ya?ml|jsonc?|json5|toml|ini|conf|cfg)$/i;
/** Edits are counted only for names that could be a typo of an accepted one. */
const MAY_BE_TYPO = /faas|guard/i;
const MAX_EDITS = 2;

/** Near-named files in the directories the configuration search looks in (see `searchedDirs`), absolute. */
export function nearConfigFiles(start: string): string[] {
  return [...searchedDirs(start)].flatMap((dir) => namesIn(dir).filter(isNearName).map((name) => path.join(dir, name)).filter(isFile));
}

export function isNearName(name: string): boolean {
  if (ACCEPTED.has(name) || BACKUP.test(name)) return false;
  if (CONFIG_STEM.test(name) || DATA_FILE.test(name)) return true;
  if (!MAY_BE_TYPO.test(name)) return false;
  const lower = name.toLowerCase();
  return CONFIG_FILE_NAMES.some((accepted) => editDistance(lower, accepted) <= MAX_EDITS);
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
