/**
 * npm version ordering for OSV `SEMVER` and npm `ECOSYSTEM` ranges: SemVer 2.0
 * precedence (pre-releases before their release, build metadata ignored), via `semver`.
 */
import semver from 'semver';
import type { VersionScheme } from './version-scheme.js';

export const npmVersions: VersionScheme = {
  parse(v: string): string | undefined {
    return semver.valid(v.trim().replace(/^v/, '')) ?? undefined;
  },
  compare(a: string, b: string): number {
    return semver.compare(a, b);
  },
  equal(a: string, b: string): boolean {
    return semver.eq(a, b);
  },
};
