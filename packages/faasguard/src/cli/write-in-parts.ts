/**
 * Writes a report given in pieces (see `renderReportParts`) a megabyte or so at a time, so that a
 * large report is never held whole as text and again as bytes.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';

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

/** The file made anew with the pieces' text, as `writeFileSync(file, parts.join(''))` would make it. */
export function writeFileInParts(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    // Given a descriptor, writeFileSync writes at its position until every byte is out.
    for (const text of batched(parts)) writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
