/**
 * Types shared by the dependency half of the scanner: what a lockfile parser
 * produces and what the vulnerability and supply-chain checks consume.
 */
import type { DependencyPath } from './dependency-path.js';

/** OSV ecosystem names, spelled exactly as OSV spells them. */
export type Ecosystem = 'npm' | 'PyPI';

/**
 * How a package reaches the deployed function.
 * - `prod`: needed at run time (reachable from a production dependency).
 * - `optional`: reachable only through optional dependencies; installed when it can be.
 * - `dev`: reachable only from development dependencies; normally not deployed.
 */
export type DependencyScope = 'prod' | 'optional' | 'dev';

/** Where the package's bits come from. */
export type SourceKind = 'registry' | 'git' | 'tarball' | 'path';

/** Every lockfile and manifest format the parsers understand. */
export type LockfileFormat =
  | 'package-lock'
  | 'npm-shrinkwrap'
  | 'yarn-classic'
  | 'yarn-berry'
  | 'pnpm'
  | 'requirements-txt'
  | 'poetry-lock'
  | 'pipfile-lock'
  | 'uv-lock';

/** One installed (or, for unpinned requirements, to-be-installed) package. */
export interface Dependency {
  ecosystem: Ecosystem;
  /** Package name; PyPI names are normalised per PEP 503 (lower case, runs of `-_.` become `-`). */
  name: string;
  /** Exact installed version; undefined when the input does not pin one (unpinned requirements). */
  version: string | undefined;
  /** Version constraint as written, for unpinned Python requirements (e.g. `>=2.0`); undefined for a bare name. */
  specifier?: string;
  scope: DependencyScope;
  /** True when the project's own manifest names the package. */
  direct: boolean;
  /**
   * Shortest chain of packages from the project to this one, each `name@version`
   * (or just `name` when the version is unknown), ending with this package.
   * A direct dependency has a path of length 1.
   */
  path: DependencyPath;
  /** Resolved URL (tarball, git URL or index URL) when the lockfile records one. */
  resolved?: string;
  /** Integrity or hash string(s) as recorded (`sha512-...`, `sha256:...`); undefined when absent. */
  integrity?: string;
  source: SourceKind;
  /** Host of the registry the package was resolved from; undefined means the ecosystem's default registry. */
  registryHost?: string;
  /** True/false when the lockfile says; undefined when the format does not record install scripts. */
  hasInstallScript?: boolean;
  /** Lockfile (or requirements file) the entry was read from. */
  lockfile: string;
  /** 1-based line of the entry in that file, where known. */
  line?: number;
}

/** A problem found while reading an input; parsers collect these instead of throwing. */
export interface ParseError {
  file: string;
  /** 1-based line, where known. */
  line?: number;
  message: string;
}

/** The result of reading one lockfile (plus, for requirements, the files it includes). */
export interface Lockfile {
  path: string;
  format: LockfileFormat;
  ecosystem: Ecosystem;
  dependencies: Dependency[];
  errors: ParseError[];
  /** Extra files read while parsing (requirements `-r` includes). */
  included?: string[];
  /** Index/registry URLs the file itself configures (requirements `--index-url`, Pipfile.lock sources). */
  configuredIndexes?: string[];
}

/**
 * The declared dependencies of a project manifest (package.json, pyproject, Pipfile),
 * used to tell production from development roots when a lockfile does not.
 */
export interface ManifestDeps {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Options every parser accepts. */
export interface ParseOptions {
  /** Declared dependencies of the project the lockfile belongs to. */
  manifest?: ManifestDeps;
  /**
   * For multi-project lockfiles (pnpm importers, yarn/npm workspaces): the project
   * directory relative to the lockfile's directory, `.` for the root.
   */
  importer?: string;
}
