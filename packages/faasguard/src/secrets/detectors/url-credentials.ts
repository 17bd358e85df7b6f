import type { SecretKind } from '../types.js';
import type { Detector } from '../hit.js';
import { isPlaceholder } from '../placeholder.js';

/** Schemes of databases, caches and brokers: their URL password is a database credential. */
const DATABASE_SCHEMES = new Set([
  'postgres', 'postgresql', 'mysql', 'mysql2', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp',
  'amqps', 'mssql', 'sqlserver', 'oracle', 'cockroachdb', 'neo4j', 'neo4j+s', 'bolt', 'cassandra', 'couchdb',
  'memcached', 'clickhouse', 'db2', 'snowflake', 'timescaledb', 'influxdb', 'nats', 'kafka',
]);

const MAX_SCHEME = 32;
const MAX_AUTHORITY = 512;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
/** Characters that end the authority part of a URL in code or config. */
const AUTHORITY_END = /[/?#\s"'`<>\\]/;
/** Hosts used in documentation only. */
const DOCUMENTATION_HOST = /(^|\.)example\.(com|org|net)$|^example$|\.example$|\.invalid$/i;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])$/i;

interface UrlPassword {
  scheme: string;
  host: string;
  start: number;
  end: number;
}

/** Scheme ending at `colon` (the `:` of `://`), or undefined. */
function schemeBefore(text: string, colon: number): string | undefined {
  let i = colon;
  while (i > 0 && colon - i < MAX_SCHEME && SCHEME_CHAR.test(text[i - 1] as string)) i--;
  const scheme = text.slice(i, colon).toLowerCase();
  return /^[a-z]/.test(scheme) ? scheme : undefined;
}

/** The password of `scheme://user:password@host` starting after `://`, or undefined. */
function passwordAt(text: string, authorityStart: number, scheme: string): UrlPassword | undefined {
  let end = authorityStart;
  while (end < text.length && end - authorityStart < MAX_AUTHORITY && !AUTHORITY_END.test(text[end] as string)) end++;
  const authority = text.slice(authorityStart, end);
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at === -1 || colon === -1 || colon > at) return undefined;
  const password = authority.slice(colon + 1, at);
  if (password.length === 0 || isPlaceholder(password)) return undefined;
  const host = authority.slice(at + 1).replace(/:\d+$/, '');
  return { scheme, host, start: authorityStart + colon + 1, end: authorityStart + at };
}

/** `scheme://user:password@host`: the password is reported, user and host are not secret. */
export const urlCredentialsDetector: Detector = {
  name: 'url-credentials',
  detect(context) {
    const { text } = context;
    for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
      const scheme = schemeBefore(text, i);
      if (scheme === undefined) continue;
      const found = passwordAt(text, i + 3, scheme);
      if (found === undefined || DOCUMENTATION_HOST.test(found.host)) continue;
      const kind: SecretKind = DATABASE_SCHEMES.has(scheme) ? 'database-url-password' : 'url-credentials';
      const confidence = LOCAL_HOST.test(found.host) ? 'medium' : 'high';
      if (!context.add({ kind, confidence, start: found.start, end: found.end })) return;
    }
  },
};
