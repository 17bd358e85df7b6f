/**
 * The runtime a function gets when neither it nor the provider sets one: the framework's own
 * default, which its release decides. Serverless Framework v4 gives nodejs20.x. Version 3 changed
 * its default between releases, and its maintained fork (a drop-in v3 that `frameworkVersion: '^3'`
 * also admits) gives yet another, so a service pinned below v4 runs on a runtime its file does
 * not tell: none is assumed (the handler is still read as Node.js, every default's language).
 */

/** Serverless Framework v4's default. */
const V4_DEFAULT_RUNTIME = 'nodejs20.x';

/** `frameworkVersion` as written (a semver range), or undefined when the file does not pin it. */
export function defaultRuntime(frameworkVersion: string | undefined): string | undefined {
  const major = frameworkVersion === undefined ? undefined : pinnedMajor(frameworkVersion);
  return major !== undefined && major < 4 ? undefined : V4_DEFAULT_RUNTIME;
}

/**
 * The one major version a range admits: `3`, `3.28.1`, `^3`, `~3.2`, `3.x`, `>=3.0.0 <4.0.0`.
 * Undefined for ranges open upwards (`>=3`) or with alternatives, which admit the latest release.
 */
export function pinnedMajor(range: string): number | undefined {
  const r = range.trim();
  if (r.includes('||')) return undefined;
  const single = /^[\^~=]?\s*v?(\d+)(?:\.(?:\d+|[xX*])){0,2}$/.exec(r);
  if (single) return Number(single[1]);
  const below = /^>=?\s*v?(\d+)(?:\.\d+){0,2}\s+<\s*v?(\d+)(?:\.0){0,2}$/.exec(r);
  if (below && Number(below[2]) === Number(below[1]) + 1) return Number(below[1]);
  return undefined;
}
