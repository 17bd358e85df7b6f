/**
 * PEP 440 ordering for PyPI, via @renovatebot/pep440: epochs (`1!2.0`), pre-releases
 * (`a`/`b`/`rc`, with `c` and `preview` spellings), post-releases (`.post1`, `-1`),
 * dev-releases (`.dev0`, sorted before pre-releases of the same release) and local
 * versions (`+ubuntu1`, sorted after the public version they extend).
 */
import pep440 from '@renovatebot/pep440';
import type { VersionScheme } from './version-scheme.js';

/** The public part of a version: everything before the local label. */
function publicPart(v: string): string {
  const plus = v.indexOf('+');
  return plus < 0 ? v : v.slice(0, plus);
}

export const pep440Versions: VersionScheme = {
  parse(v: string): string | undefined {
    const t = v.trim();
    return pep440.valid(t) ? t : undefined;
  },
  compare(a: string, b: string): number {
    return pep440.compare(a, b);
  },
  /**
   * A listed version without a local label also matches local builds of it
   * (`2.0+ubuntu1` is a downstream build of `2.0`), as PEP 440's `==` does.
   */
  equal(a: string, b: string): boolean {
    if (pep440.compare(a, b) === 0) return true;
    return !b.includes('+') && pep440.compare(publicPart(a), b) === 0;
  },
};
