/**
 * Public API of the dependency checks: lockfile discovery and parsing, known
 * vulnerabilities from OSV data (offline export, local cache or the online API),
 * supply-chain checks and declared-versus-imported packages.
 */
export type { Dependency, DependencyScope, Ecosystem, Lockfile, LockfileFormat, ManifestDeps, ParseError, ParseOptions, SourceKind } from './types.js';
export { directPath, extendPath, pathLabels, pathOf, pulledInBy, type DependencyPath } from './dependency-path.js';

export { findLockfiles, isRequirementsFile, type FindResult, type FoundLockfile } from './lockfiles/find-lockfiles.js';
export { loadFunctionDependencies, newDependencyMemo, readLockfile, readManifest, type DependencyMemo, type FunctionDependencies } from './load.js';
export { parseNpmLock } from './lockfiles/npm-lock.js';
export { parseYarnLock } from './lockfiles/yarn-lock.js';
export { parsePnpmLock } from './lockfiles/pnpm-lock.js';
export { parseRequirementsFile, parseRequirementsText, scopeFromRequirementsName, type RequirementsOptions } from './lockfiles/requirements-txt.js';
export { parsePoetryLock } from './lockfiles/poetry-lock.js';
export { parsePipfileLock } from './lockfiles/pipfile-lock.js';
export { parseUvLock } from './lockfiles/uv-lock.js';
export { MAX_LOCKFILE_BYTES, normalizePyName } from './lockfiles/common.js';
export { manifestFromNames, manifestFromRequirements, parsePackageJson, parsePipfile, parsePyproject, pep508Name, type Manifest } from './manifest.js';

export type { OsvAffected, OsvEvent, OsvRange, OsvSeverity, OsvVulnerability } from './osv/osv-types.js';
export { isAffected, matchDependencies, matchDependency, packageKey, type AffectResult, type OsvIndex, type VulnMatch } from './osv/match.js';
export { buildOsvDb, loadOsvDb, OSV_LIMITS, type LoadOsvOptions, type OsvDb } from './osv/load-osv-db.js';
export { DEFAULT_OSV_API_URL, MAX_BATCH, queryOsvOnline, type OnlineOptions, type OnlineResult } from './osv/online-client.js';
export {
  DB_ECOSYSTEMS,
  DEFAULT_OSV_EXPORT_URL,
  defaultCacheDir,
  openCachedDb,
  STALE_AFTER_DAYS,
  updateDb,
  type CachedDbStatus,
  type DbMetadata,
  type UpdateOptions,
  type UpdateResult,
} from './osv/db-cache.js';
export { adjustForScope, cvss2BaseScore, cvss3BaseScore, severityOf, severityRank, type SeverityInfo, type SeverityLevel } from './osv/severity.js';
export { npmVersions } from './osv/npm-version.js';
export { pep440Versions } from './osv/pep440.js';
export type { VersionScheme } from './osv/version-scheme.js';
export { findVulnerabilities, NO_DATA_MESSAGE, type Notice, type NoticeCode, type VulnScanOptions, type VulnScanResult } from './vulnerabilities.js';

export {
  checkSupplyChain,
  DEFAULT_REGISTRY_HOSTS,
  parseNpmrc,
  registryConfigFromNpmrc,
  type RegistryConfig,
  type SupplyChainKind,
  type SupplyChainOptions,
  type SupplyChainResult,
} from './supply-chain.js';
export { checkUsage, npmPackageName, PYTHON_IMPORT_NAMES, RUNTIME_PROVIDED, type UndeclaredImport, type UnusedDependency, type UsageInput, type UsageResult } from './usage.js';
