/**
 * Modules `terraform init` installed: `.terraform/modules/modules.json` in a root module's folder
 * records, for each module call by its key (`lambda`, `api.routes` for a call inside a module),
 * the folder its code was downloaded to. Those folders are read from there, inside the scanned
 * tree only; nothing is downloaded. (`.terraform/` is usually git-ignored: it is read because the
 * manifest names it, never discovered.)
 */
import path from 'node:path';
import type { FileReader } from '../file-reader.js';
import { isTerraformConfig } from './parse-terraform.js';

export interface InstalledModule {
  /** Its folder, relative to the scan root */
  dir: string;
  files: Array<{ rel: string; text: string }>;
}

/** Whether a module folder is one `terraform init` downloaded (under a `.terraform/` folder), rather than the project's own. */
export function isInstalledModuleDir(dir: string): boolean {
  return dir === '.terraform' || dir.startsWith('.terraform/') || dir.includes('/.terraform/');
}

/** Modules one manifest names at most */
const MAX_MODULES = 200;

interface ManifestEntry {
  Key?: unknown;
  Dir?: unknown;
}

export function installedModules(rootDir: string, reader: FileReader | undefined): Map<string, InstalledModule> {
  const out = new Map<string, InstalledModule>();
  const anchor = path.posix.join(rootDir || '.', 'main.tf');
  const text = reader?.text(anchor, '.terraform/modules/modules.json');
  if (!reader || text === undefined) return out;
  let entries: ManifestEntry[];
  try {
    const parsed = JSON.parse(text) as { Modules?: unknown };
    entries = Array.isArray(parsed.Modules) ? (parsed.Modules as ManifestEntry[]) : [];
  } catch {
    return out;
  }
  for (const e of entries.slice(0, MAX_MODULES)) {
    if (typeof e.Key !== 'string' || e.Key === '' || typeof e.Dir !== 'string') continue;
    const dir = path.posix.normalize(path.posix.join(rootDir || '.', e.Dir));
    if (dir.startsWith('../') || path.posix.isAbsolute(dir)) continue;
    const files = reader.list(anchor, e.Dir).filter(isTerraformConfig).flatMap((name) => {
      const body = reader.text(anchor, `${e.Dir}/${name}`);
      return body === undefined ? [] : [{ rel: path.posix.join(dir, name), text: body }];
    });
    if (files.length > 0) out.set(e.Key, { dir, files });
  }
  return out;
}
