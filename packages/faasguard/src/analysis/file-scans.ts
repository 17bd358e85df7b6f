/**
 * The per-file parts of the dependency and secret analyses, which need nothing of the model: a
 * code file's imports and a file's secrets. A large app has them computed ahead, on a thread of
 * their own while the templates load (`file-scans-ahead.ts`); the analyses then take each file's
 * result from there and compute what is missing themselves, so the results never depend on it.
 * The same reading tells which files hold no inline suppression: the suppression step, which
 * otherwise reads every code file again at the end of the scan, passes over those.
 */
import type { DiscoveredFile } from '../discover/discover.js';
import { vendoredFileTest } from '../discover/vendored-files.js';
import { codeLanguage, extractImports, MAX_IMPORT_SCAN_BYTES, type ImportRef } from '../deps/imports.js';
import type { SecretMatch } from '../secrets/types.js';
import { readTextOrUndefined } from '../files/read-regular-file.js';
import { installedPackageTest, MAX_SECRET_SCAN_BYTES, secretFileKind, secretsInFile } from './file-secrets.js';
import { MARKER } from '../suppress/directive-text.js';

/** What to compute. */
export interface FileScanRequest {
  imports: boolean;
  secrets: boolean;
}

/** Results by file (relative path); a file that could not be read has none. */
export interface FileScans {
  imports: Map<string, ImportRef[]>;
  secrets: Map<string, SecretMatch[]>;
  /** Files read whose text does not hold the inline suppression marker (`faasguard-ignore`) */
  unmarked: Set<string>;
}

/** The imports the dependency analysis would read from a file (`dependency-usage.ts`). */
export function mayHoldImports(f: DiscoveredFile): boolean {
  return codeLanguage(f.rel) !== undefined && f.size <= MAX_IMPORT_SCAN_BYTES;
}

/** A file the secrets search may read, whichever code directory it turns out to be in (`file-secrets.ts`). */
export function maySearchForSecrets(f: DiscoveredFile): boolean {
  return secretFileKind(f.rel, true) !== undefined && f.size <= MAX_SECRET_SCAN_BYTES;
}

/** Reads each file that may be asked about once, and computes what is requested. */
export function readFileScans(files: readonly DiscoveredFile[], request: FileScanRequest): FileScans {
  const out: FileScans = { imports: new Map(), secrets: new Map(), unmarked: new Set() };
  const vendored = vendoredFileTest(files);
  const installed = installedPackageTest(files);
  for (const f of files) {
    if (vendored(f.rel)) continue;
    const imports = request.imports && mayHoldImports(f);
    const secrets = request.secrets && maySearchForSecrets(f) && !installed(f.rel);
    if (!imports && !secrets) continue;
    const text = readTextOrUndefined(f.abs);
    if (text === undefined) continue;
    if (imports) out.imports.set(f.rel, extractImports(f.rel, text));
    if (secrets) out.secrets.set(f.rel, secretsInFile(f.rel, text));
    if (!text.includes(MARKER)) out.unmarked.add(f.rel);
  }
  return out;
}
