/**
 * The day a scan judges dates against. Rules have no clock in their context, so this is read from
 * the environment: `FAASGUARD_NOW` (an ISO date such as `2026-11-23`) fixes it, which tests and
 * reproducible CI runs use; without it, today.
 */
export const SCAN_DATE_VARIABLE = 'FAASGUARD_NOW';

export function scanDate(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env[SCAN_DATE_VARIABLE];
  if (fixed === undefined || fixed.trim() === '') return new Date();
  const parsed = new Date(fixed.trim());
  // A malformed value must not silently shift every deprecation verdict.
  if (Number.isNaN(parsed.getTime())) throw new Error(`${SCAN_DATE_VARIABLE}=${fixed} is not an ISO date (e.g. 2026-11-23)`);
  return parsed;
}
