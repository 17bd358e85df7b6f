/**
 * Reads a file's text, or undefined when it cannot be read. Synchronous on purpose: a scan reads
 * thousands of small files one after the other, and awaiting each read leaves the thread idle for
 * longer than the read takes.
 */
import { readFileSync } from 'node:fs';

export function readTextOrUndefined(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}
