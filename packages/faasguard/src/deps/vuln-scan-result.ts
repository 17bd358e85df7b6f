/**
 * What the known-vulnerability check found, on its own: the scan's dependency facts (a public type)
 * hold it, and the check's options (a fetch function) would otherwise come with it.
 */
import type { VulnMatch } from './osv/match.js';

export type NoticeCode = 'no-vuln-data' | 'db-age' | 'db-stale' | 'db-errors' | 'online-errors';

export interface Notice {
  level: 'info' | 'warning';
  code: NoticeCode;
  message: string;
}

export interface VulnScanResult {
  matches: VulnMatch[];
  source: 'online' | 'osv-db' | 'cache' | 'none';
  notices: Notice[];
  /** Date of the offline data, when known. */
  dataDate?: Date;
}
