/**
 * The parts of the OSV schema (https://ossf.github.io/osv-schema/) the scanner reads.
 * Everything else in a record is ignored.
 */

export interface OsvSeverity {
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`, ... */
  type: string;
  /** A CVSS vector string for the CVSS types. */
  score: string;
}

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  /** `SEMVER`, `ECOSYSTEM` or `GIT`. */
  type: string;
  repo?: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvVulnerability {
  schema_version?: string;
  id: string;
  modified?: string;
  published?: string;
  /** Set when the advisory was retracted; such records are ignored. */
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  database_specific?: Record<string, unknown>;
}

/** Minimal structural check used before a parsed JSON value is trusted as an OSV record. */
export function isOsvVulnerability(v: unknown): v is OsvVulnerability {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && (o.affected === undefined || Array.isArray(o.affected));
}
