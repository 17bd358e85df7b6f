/**
 * V8 flags set while the process runs (`v8.setFlagsFromString`), remembered: V8 refuses code
 * cached under other flags, so the code cache names its files by them (`files/code-cache.ts`),
 * and a process that sets none (a program using the library) and one that does (the command
 * line) keep a file each instead of replacing each other's at every run. The flags themselves are
 * the process's, as this list is.
 */
import v8 from 'node:v8';

const set: string[] = [];

export function setV8Flag(flag: string): void {
  v8.setFlagsFromString(flag);
  if (!set.includes(flag)) set.push(flag);
}

/** The flags set so far by `setV8Flag`, in the order first set. */
export function v8FlagsSet(): readonly string[] {
  return set;
}
