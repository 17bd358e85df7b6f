/**
 * The scanner package's folder (the one holding its `package.json`), found by walking up from this
 * module: the same answer whether the code runs as separate modules (`dist/src/…`) or bundled
 * (`dist/bundle/…`, see `scripts/build-bundle.mjs`), so that the package's own files (built data,
 * report assets, its version) are found either way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'faasguard';

export const PACKAGE_ROOT: string = packageRootAbove(path.dirname(fileURLToPath(import.meta.url)));

/** A file of the package, by its path inside it (`dist/data/iam-services.json`). */
export function packageFile(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}

function packageRootAbove(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (nameOfPackageIn(dir) === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${PACKAGE_NAME} package.json above ${start}: the installation is incomplete; reinstall faasguard`);
  }
}

function nameOfPackageIn(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
