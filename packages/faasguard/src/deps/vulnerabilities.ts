/**
 * Known-vulnerability check over a set of dependencies, choosing the data source the
 * way the CLI documents it: `--online` asks the OSV API; `--osv-db` reads an offline
 * export; otherwise the cache written by `faasguard db update` is used, with its age
 * reported. With no data at all a single notice says so and how to get data.
 * Call it once per scan with every function's dependencies so notices are not repeated.
 */
import { packageKey, matchDependencies, type VulnMatch } from './osv/match.js';
import { loadOsvDb, buildOsvDb, emptyOsvDb, type OsvDb } from './osv/load-osv-db.js';
import { queryOsvOnline, type OnlineOptions } from './osv/online-client.js';
import { openCachedDb, STALE_AFTER_DAYS } from './osv/db-cache.js';
import type { Dependency } from './types.js';
import type { Notice, NoticeCode, VulnScanResult } from './vuln-scan-result.js';

export type { Notice, NoticeCode, VulnScanResult } from './vuln-scan-result.js';

export interface VulnScanOptions {
  /** `--osv-db <dir|zip>`. */
  osvDb?: string;
  /** `--online`, with client settings (base URL, timeout). */
  online?: boolean | OnlineOptions;
  /** Cache written by `db update`; default `defaultCacheDir()`. */
  cacheDir?: string;
  /** Do not fall back to the cache. */
  noCache?: boolean;
  now?: Date;
}

export const NO_DATA_MESSAGE =
  'No vulnerability data: dependencies were not checked for known vulnerabilities. ' +
  'Run `faasguard db update` to download the OSV database, or pass --osv-db <dir|zip> or --online.';

function errorNotice(code: NoticeCode, what: string, errors: string[]): Notice[] {
  if (errors.length === 0) return [];
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return [{ level: 'warning', code, message: `${what}: ${errors.slice(0, 3).join('; ')}${more}` }];
}

export async function findVulnerabilities(deps: readonly Dependency[], options: VulnScanOptions = {}): Promise<VulnScanResult> {
  const packages = new Set(deps.map((d) => packageKey(d.ecosystem, d.name)));
  if (options.online) {
    const online = await queryOsvOnline(deps, options.online === true ? {} : options.online);
    const db = buildOsvDb(online.vulns, { packages });
    return { matches: matchDependencies(deps, db), source: 'online', notices: errorNotice('online-errors', 'OSV API errors', online.errors) };
  }
  if (options.osvDb) {
    const db = await loadOsvDb(options.osvDb, { packages });
    return { matches: matchDependencies(deps, db), source: 'osv-db', notices: dbNotices(db, options.osvDb) };
  }
  if (!options.noCache) {
    const cached = await openCachedDb({ cacheDir: options.cacheDir, now: options.now });
    if (cached.present) {
      const db = emptyOsvDb();
      for (const f of cached.files) merge(db, await loadOsvDb(f, { packages }));
      const age = `OSV data from ${cached.updatedAt!.toISOString().slice(0, 10)} (${cached.ageDays} day${cached.ageDays === 1 ? '' : 's'} old)`;
      const notices: Notice[] = [{ level: 'info', code: 'db-age', message: age }];
      if (cached.stale) notices.push({ level: 'warning', code: 'db-stale', message: `${age} is older than ${STALE_AFTER_DAYS} days; run \`faasguard db update\`.` });
      notices.push(...dbNotices(db, cached.cacheDir));
      return { matches: matchDependencies(deps, db), source: 'cache', notices, dataDate: cached.updatedAt };
    }
  }
  return { matches: [], source: 'none', notices: [{ level: 'warning', code: 'no-vuln-data', message: NO_DATA_MESSAGE }] };
}

function dbNotices(db: OsvDb, where: string): Notice[] {
  const notices = errorNotice('db-errors', `Unreadable OSV data in ${where}`, db.errors);
  if (db.sources.length === 0) notices.push({ level: 'warning', code: 'no-vuln-data', message: `No OSV files found in ${where}. ${NO_DATA_MESSAGE}` });
  return notices;
}

function merge(into: OsvDb, from: OsvDb): void {
  for (const [k, list] of from.byPackage) into.byPackage.set(k, [...(into.byPackage.get(k) ?? []), ...list]);
  into.count += from.count;
  into.errors.push(...from.errors);
  into.sources.push(...from.sources);
  into.inflatedBytes += from.inflatedBytes;
  into.keptBytes += from.keptBytes;
}
