/**
 * Which folders of a scan are Terraform root modules: every folder with `.tf` files (never a
 * `.terraform/` copy), except those another folder calls as a local module (`source =
 * "./modules/function"`), which are evaluated with that call's inputs, not alone. Each root module
 * is one app.
 */
import path from 'node:path';
import { blocksOf, isTerraformConfig, parseTerraform, stringValueOf } from './parse-terraform.js';

export interface TerraformFile {
  rel: string;
  text: string;
}

/** `.tf` files and the variable files Terraform reads by itself, outside `.terraform/`. */
export function isTerraformFile(rel: string): boolean {
  return (isTerraformConfig(rel) || /(^|\/)terraform\.tfvars$|\.auto\.tfvars$/.test(rel)) && !/(^|\/)\.terraform\//.test(rel);
}

/** The files of each folder that holds `.tf` files, by folder (`.` for the scan root). */
export function terraformFolders(files: readonly TerraformFile[]): Map<string, TerraformFile[]> {
  const byDir = new Map<string, TerraformFile[]>();
  for (const f of files) {
    if (!isTerraformFile(f.rel)) continue;
    const dir = path.posix.dirname(f.rel);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  for (const [dir, fs] of byDir) if (!fs.some((f) => isTerraformConfig(f.rel))) byDir.delete(dir);
  return byDir;
}

/** The local folder a `source` names, relative to the scan root; undefined for a registry or remote source, or one outside the root. */
export function localModuleDir(callerDir: string, source: string): string | undefined {
  if (!/^\.{1,2}\//.test(source)) return undefined;
  const target = path.posix.normalize(path.posix.join(callerDir || '.', source)).replace(/\/$/, '') || '.';
  return target === '..' || target.startsWith('../') ? undefined : target;
}

/**
 * Whether a file's text can hold a `module` block with a local `source`, which is written starting
 * with `./` or `../`: the others need no parse here. Most modules that files call come from a
 * registry or from git.
 */
function mayCallLocalModule(text: string): boolean {
  return /\bmodule\b/.test(text) && text.includes('./');
}

/** Folders that a `module` block of another folder calls by a local `source` (the parser must be loaded). */
export function calledModuleDirs(folders: ReadonlyMap<string, readonly TerraformFile[]>): Set<string> {
  const called = new Set<string>();
  for (const [dir, files] of folders) {
    for (const f of files.filter((x) => isTerraformConfig(x.rel) && mayCallLocalModule(x.text))) {
      const parsed = parseTerraform(f.rel, f.text);
      if (!parsed) continue;
      try {
        for (const block of blocksOf(parsed.body, 'module')) {
          const target = localModuleDir(dir, stringValueOf(block, 'source') ?? '');
          if (target !== undefined && target !== dir && folders.has(target)) called.add(target);
        }
      } finally {
        parsed.dispose();
      }
    }
  }
  return called;
}
