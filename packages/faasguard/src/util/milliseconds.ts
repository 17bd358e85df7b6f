/**
 * Milliseconds from a fixed origin, for measuring how long something took. `performance.now()`
 * gives the same, but the first use of Node's `performance` global loads its performance module and
 * some ten modules under it (1.5 ms), in every scan that times its phases and rules.
 */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
