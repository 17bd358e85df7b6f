/**
 * Writes a report given in pieces (see `renderReportParts`) a megabyte or so at a time, so that a
 * large report is never held whole as text and again as bytes.
 */
import { accessSync, chmodSync, closeSync, constants, lstatSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Characters gathered before a write: few system calls, little held. */
export const WRITE_BATCH_CHARS = 1 << 20;

/** The pieces joined into batches of about `size` characters, in order. */
export function* batched(parts: Iterable<string>, size = WRITE_BATCH_CHARS): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length < size) continue;
    yield pending.join('');
    pending = [];
    length = 0;
  }
  if (pending.length > 0) yield pending.join('');
}

/**
 * The file made anew with the pieces' text, as `writeFileSync(file, parts.join(''))` would make it.
 * A regular file is written beside and renamed over `file` once whole: when making the text fails
 * half-way (or the disk fills), `file` is left as it was, never cut short (a half SARIF file that
 * a pipeline uploads as the scan's). A device or pipe (`/dev/stdout`) is written to directly.
 */
export function writeFileInParts(file: string, parts: Iterable<string>): void {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  // A symbolic link is written through, as before: renaming over it would replace the link, not its file.
  if (stat !== undefined && !stat.isFile()) return writeTo(file, parts);
  // A report this process may not write stays as it is, with the error writing it in place gives
  // (EACCES naming the file): renaming over it would take no notice of its permissions.
  if (stat !== undefined) accessSync(file, constants.W_OK);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    // Replacing a report: private while written, then with that report's permissions (one kept
    // 0600 stays so). A new one gets the permissions the process gives new files.
    writeTo(temp, parts, stat === undefined ? undefined : 0o600);
    if (stat !== undefined) chmodSync(temp, stat.mode & 0o7777);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

function writeTo(file: string, parts: Iterable<string>, mode?: number): void {
  const fd = openSync(file, 'w', mode);
  try {
    // Given a descriptor, writeFileSync writes at its position until every byte is out.
    for (const text of batched(parts)) writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
