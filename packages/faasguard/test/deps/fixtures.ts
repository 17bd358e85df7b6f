import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dependency, Lockfile } from '../../src/deps/types.js';

/** Compiled tests live in dist/test/deps; fixtures stay in the source tree. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/deps');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixture(...parts), 'utf8');
}

/** The single dependency with this name (and version, when given); fails loudly otherwise. */
export function dep(lock: Lockfile, name: string, version?: string): Dependency {
  const hits = lock.dependencies.filter((d) => d.name === name && (version === undefined || d.version === version));
  if (hits.length !== 1) throw new Error(`expected one ${name}@${version ?? '*'} in ${lock.path}, found ${hits.length}`);
  return hits[0]!;
}
