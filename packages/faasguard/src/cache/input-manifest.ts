/**
 * The content of every file a scan read, as hashes: a cached result is reused only when each of
 * them is unchanged, and no file appeared or went away.
 */
import { createHash } from 'node:crypto';
import { readRegularBytesLent } from '../files/read-regular-file.js';
import path from 'node:path';

/**
 * Relative path → SHA-256 of the content, `missing` when it cannot be read, or `large:<bytes>` for
 * a file larger than the scan reads (skipped by the scan, so only its size matters).
 */
export type InputManifest = Record<string, string>;

const MISSING = 'missing';

export function hashFiles(root: string, files: Iterable<string>, maxBytes: number): InputManifest {
  const manifest: InputManifest = {};
  for (const rel of [...files].sort()) manifest[rel] = fileState(path.join(root, rel), maxBytes);
  return manifest;
}

/** Whether every recorded file is still in the state it was. */
export function unchanged(root: string, recorded: InputManifest, maxBytes: number): boolean {
  for (const [rel, state] of Object.entries(recorded)) if (fileState(path.join(root, rel), maxBytes) !== state) return false;
  return true;
}

function fileState(abs: string, maxBytes: number): string {
  const read = readRegularBytesLent(abs, maxBytes);
  if (read.kind === 'bytes') return createHash('sha256').update(read.bytes).digest('hex');
  if (read.kind === 'too-large') return `large:${read.size}`;
  return read.kind === 'not-regular' ? `special:${read.type}` : MISSING;
}
