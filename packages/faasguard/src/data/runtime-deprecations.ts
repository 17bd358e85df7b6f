/**
 * Lambda managed runtimes and the date AWS deprecates each one (UTC), as listed in
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (table reviewed 2026-12).
 * In 2026 AWS moved the dates of its Amazon Linux 2 runtimes: `provided.al2` to 2026-07-31 and
 * `python3.10` to 2026-10-31 (both as AWS Health announced them), `python3.11`, `java11`,
 * `java17` and `java8.al2` by a year to 2027-06-30, and added Amazon Linux 2023 builds of Java 8,
 * 11 and 17 (`java8.al2023` …).
 *
 * After its deprecation date a runtime gets no security patches; later, on dates AWS announces for
 * each runtime (months or years after), Lambda blocks creating and then updating functions that
 * use it. Dates of runtimes not yet deprecated are AWS's forecasts and move: review this table
 * when AWS announces a change. A runtime missing from the table (a new one, or `provided` custom
 * runtimes we do not know) is not reported.
 */
import { lookupTable } from '../util/own-keys.js';

/** Deprecation date (YYYY-MM-DD, UTC) per runtime identifier. */
export const RUNTIME_DEPRECATIONS: Readonly<Record<string, string>> = lookupTable({
  // Node.js
  'nodejs24.x': '2028-04-30',
  'nodejs22.x': '2027-04-30',
  'nodejs20.x': '2026-04-30',
  'nodejs18.x': '2025-09-01',
  'nodejs16.x': '2024-06-12',
  'nodejs14.x': '2023-12-04',
  'nodejs12.x': '2023-03-31',
  'nodejs10.x': '2021-07-30',
  'nodejs8.10': '2020-03-06',
  'nodejs6.10': '2019-08-12',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  nodejs: '2016-10-31',
  // Python
  'python3.14': '2029-06-30',
  'python3.13': '2029-06-30',
  'python3.12': '2028-10-31',
  'python3.11': '2027-06-30',
  'python3.10': '2026-10-31',
  'python3.9': '2025-12-15',
  'python3.8': '2024-10-14',
  'python3.7': '2023-12-04',
  'python3.6': '2022-07-18',
  'python2.7': '2021-07-15',
  // Java
  java25: '2029-06-30',
  java21: '2029-06-30',
  'java17.al2023': '2029-06-30',
  'java11.al2023': '2029-06-30',
  'java8.al2023': '2029-06-30',
  java17: '2027-06-30',
  java11: '2027-06-30',
  'java8.al2': '2027-06-30',
  java8: '2024-01-08',
  // .NET
  dotnet10: '2028-11-14',
  dotnet8: '2026-11-10',
  dotnet7: '2024-05-14',
  dotnet6: '2024-12-20',
  'dotnet5.0': '2022-05-10',
  'dotnetcore3.1': '2023-04-03',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore1.0': '2019-06-27',
  // Ruby
  'ruby4.0': '2029-03-31',
  'ruby3.4': '2028-03-31',
  'ruby3.3': '2027-03-31',
  'ruby3.2': '2026-03-31',
  'ruby2.7': '2023-12-07',
  'ruby2.5': '2021-07-30',
  // Go and OS-only runtimes
  'go1.x': '2024-01-08',
  'provided.al2023': '2029-06-30',
  'provided.al2': '2026-07-31',
  provided: '2024-01-08',
});

/** How far ahead a coming deprecation is reported. */
export const SOON_DAYS = 180;

/** Where a runtime stands on a given day. */
export type RuntimeStatus =
  | { state: 'deprecated'; since: string }
  | { state: 'soon'; on: string; daysLeft: number }
  | { state: 'supported' }
  | { state: 'unknown' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The status of `runtime` on `now`: deprecated, deprecated within `SOON_DAYS`, supported, or not in the table. */
export function runtimeStatus(runtime: string, now: Date): RuntimeStatus {
  const date = RUNTIME_DEPRECATIONS[runtime];
  if (date === undefined) return { state: 'unknown' };
  const daysLeft = Math.ceil((Date.parse(`${date}T00:00:00Z`) - now.getTime()) / DAY_MS);
  if (daysLeft <= 0) return { state: 'deprecated', since: date };
  if (daysLeft <= SOON_DAYS) return { state: 'soon', on: date, daysLeft };
  return { state: 'supported' };
}
