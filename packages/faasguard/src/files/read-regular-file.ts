/**
 * The one way the scanner reads a file of the scanned repository. Only regular files are read: a
 * FIFO would block the scan forever and a device (`/dev/zero`) would fill memory until the process
 * dies, so the type is checked on the opened descriptor (no window between a check and the read),
 * and the open itself never waits for a FIFO's writer. Reads stop at a size cap, since a file's
 * reported size may lie (files of /proc report 0). Synchronous on purpose: a scan reads thousands of
 * small files one after the other, and awaiting each read costs more than the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';

/** The cap of a read that has no bound of its own: larger than any lockfile or template seen in practice. */
export const DEFAULT_READ_CAP = 64 * 1024 * 1024;

/** Why a file was not read. */
export type ReadRefusal =
  | { kind: 'missing' }
  | { kind: 'not-regular'; type: string }
  | { kind: 'too-large'; size: number; cap: number }
  | { kind: 'unreadable'; code: string };

export type BytesRead = { kind: 'bytes'; bytes: Buffer } | ReadRefusal;
export type TextRead = { kind: 'text'; text: string } | ReadRefusal;

// A FIFO opened without O_NONBLOCK waits for a writer; with it, open returns at once.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

export function readRegularBytes(abs: string, cap: number = DEFAULT_READ_CAP): BytesRead {
  return readRegular(abs, cap, false);
}

/**
 * `readRegularBytes`, in a buffer that is lent, not given: it holds the file until the next lent
 * read of this thread, so it must be used (decoded, hashed, searched) before any other read. Most
 * files are decoded at once or looked at and dropped, and a buffer of their own for each costs
 * fresh memory every time: reading the shared corpus's 63 MB of JSON and YAML took 270–310 ms so,
 * 140–170 ms into one buffer.
 */
export function readRegularBytesLent(abs: string, cap: number = DEFAULT_READ_CAP): BytesRead {
  return readRegular(abs, cap, true);
}

function readRegular(abs: string, cap: number, lend: boolean): BytesRead {
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (e) {
    return openFailure(e);
  }
  try {
    return readOpened(fd, cap, lend);
  } catch (e) {
    return { kind: 'unreadable', code: errorCode(e) };
  } finally {
    closeSync(fd);
  }
}

export function readRegularText(abs: string, cap: number = DEFAULT_READ_CAP): TextRead {
  const read = readRegularBytesLent(abs, cap);
  return read.kind === 'bytes' ? { kind: 'text', text: read.bytes.toString('utf8') } : read;
}

/** The text, or undefined for any file that cannot or must not be read. */
export function readTextOrUndefined(abs: string, cap: number = DEFAULT_READ_CAP): string | undefined {
  const read = readRegularText(abs, cap);
  return read.kind === 'text' ? read.text : undefined;
}

/** What a refusal means, for a person: `… is a FIFO, not a regular file: not read`. */
export function refusalMessage(r: ReadRefusal): string {
  switch (r.kind) {
    case 'missing':
      return 'no such file';
    case 'not-regular':
      return `a ${r.type}, not a regular file: not read`;
    case 'too-large':
      return `file is ${r.size} bytes, over the limit of ${r.cap}: not read`;
    case 'unreadable':
      return `file cannot be read: ${r.code}`;
  }
}

/** The diagnostic of a refused read, at the file (or at the place that names it). */
export function refusalDiagnostic(r: ReadRefusal, loc: SourceLocation, subject = ''): Diagnostic {
  const message = subject ? `${subject}: ${refusalMessage(r)}` : refusalMessage(r);
  switch (r.kind) {
    case 'not-regular':
      return { severity: 'warning', code: 'not-a-regular-file', message, loc };
    case 'too-large':
      return { severity: 'warning', code: 'file-too-large', message, loc };
    case 'missing':
      return { severity: 'warning', code: 'file-not-found', message, loc };
    case 'unreadable':
      return { severity: 'error', code: 'unreadable', message, loc };
  }
}

/**
 * The diagnostic for a file a template or a variable refers to: one that is not a regular file (a
 * directory, a FIFO) is an error, since the deploying tool could not read it either; one over
 * faasguard's own size limit stays a warning.
 */
export function referenceRefusalDiagnostic(r: ReadRefusal, loc: SourceLocation, subject: string): Diagnostic {
  const d = refusalDiagnostic(r, loc, subject);
  return r.kind === 'not-regular' ? { ...d, severity: 'error' } : d;
}

/** A name for what a non-regular file is. */
export function fileTypeName(s: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'>): string {
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isSocket()) return 'socket';
  if (s.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}

function readOpened(fd: number, cap: number, lend: boolean): BytesRead {
  const stats = fstatSync(fd);
  if (!stats.isFile()) return { kind: 'not-regular', type: fileTypeName(stats) };
  if (stats.size > cap) return { kind: 'too-large', size: stats.size, cap };
  // The size the file reports, and one byte more to see that it ended there: a regular file is
  // read in one call, and nothing is copied. A file that reports less than it holds (those of
  // /proc report 0) makes the buffer grow, up to one byte past the cap.
  const limit = cap + 1;
  const wanted = Math.min(stats.size + 1, limit);
  let buffer: Buffer = lend && wanted <= MAX_LENT_BYTES ? lentBuffer(wanted) : Buffer.allocUnsafe(wanted);
  let total = 0;
  for (;;) {
    const room = Math.min(buffer.length, limit);
    if (total === room) {
      if (total >= limit) return { kind: 'too-large', size: total, cap };
      buffer = grown(buffer.subarray(0, total), Math.min(Math.max(2 * total, CHUNK), limit));
    }
    const asked = Math.min(buffer.length, limit) - total;
    const n = readSync(fd, buffer, total, asked, null);
    if (n === 0) break;
    total += n;
    if (endedAtReportedSize(n, asked, total, stats.size)) break;
  }
  return { kind: 'bytes', bytes: buffer.subarray(0, total) };
}

/**
 * A read that gave less than it asked for and brought the file to the size it reports has reached
 * its end: a regular file's read stops short only there. Asking again to be told so (a read that
 * gives nothing) would cost a system call per file, some thousands a scan. A file that reports no
 * size, or another than it holds, is read until a read gives nothing, as before.
 */
function endedAtReportedSize(n: number, asked: number, total: number, size: number): boolean {
  return n < asked && size > 0 && total === size;
}

/** The largest file read into the lent buffer; a larger one gets a buffer of its own. */
const MAX_LENT_BYTES = 16 * 1024 * 1024;
/** Grown to the largest file lent so far, and kept for the thread's life */
let lent: Buffer | undefined;

function lentBuffer(size: number): Buffer {
  if (lent === undefined || lent.length < size) lent = Buffer.allocUnsafe(Math.min(Math.max(size, lent === undefined ? CHUNK : 2 * lent.length), MAX_LENT_BYTES));
  return lent;
}

function grown(buffer: Buffer, size: number): Buffer {
  const larger = Buffer.allocUnsafe(size);
  buffer.copy(larger);
  return larger;
}

function openFailure(e: unknown): ReadRefusal {
  const code = errorCode(e);
  return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
