/**
 * What the dependency analysis knows about the scanned application, computed once per scan and
 * read by the SAS-6 rules. Every location is relative to the scan root.
 */
// From the defining modules, not the deps barrel: this type is public (rules read it), and the
// barrel's declarations would pull Node's types (fetch, streams) into every library consumer.
import type { VulnMatch } from '../deps/osv/match.js';
import type { SupplyChainResult } from '../deps/supply-chain.js';
import type { Dependency, Ecosystem } from '../deps/types.js';
import type { VulnScanResult } from '../deps/vuln-scan-result.js';
import type { ModelElement } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';

/** One lockfile entry, with the code that deploys it. */
export interface DependencyUse {
  dependency: Dependency;
  /** The entry in its lockfile (line 0 when the format gives none) */
  loc: SourceLocation;
  /** Functions that deploy it (or, for a layer no function of the model lists, the layer) */
  owners: ModelElement[];
  /** A development-only package that the code imports anyway, so a bundler ships it */
  bundled: boolean;
}

/** An advisory affecting a deployed package. */
export interface VulnerableUse {
  match: VulnMatch;
  use: DependencyUse;
}

/** A supply-chain problem of a deployed package. */
export interface SupplyChainUse {
  result: SupplyChainResult;
  use: DependencyUse;
}

/** A production dependency that no code of its project imports. */
export interface UnusedDeclaration {
  ecosystem: Ecosystem;
  name: string;
  group: 'dependencies' | 'optionalDependencies';
  /** Where it is declared (manifest or requirements line) */
  loc: SourceLocation;
  owners: ModelElement[];
}

/** An import of a package that no manifest of its project declares for production. */
/** Where code imports a package. */
export interface ImportPlace {
  loc: SourceLocation;
  /** At the top of its module, where loading the file runs the import (see `ImportRef.moduleTop`) */
  moduleTop?: true;
}

export interface UndeclaredImport {
  ecosystem: Ecosystem;
  /** The package the import needs */
  name: string;
  specifier: string;
  /** True when it is declared, but only as a development dependency */
  devOnly: boolean;
  /** The runtimes running the code, when one of them lacks a package other Lambda runtimes provide (the AWS SDK v2 on Node.js 18 and later) */
  missingFromRuntimes?: string[];
  /** The first place it is imported */
  loc: SourceLocation;
  /** The manifest that should declare it; absent when there is none (see `noManifestIn`) */
  manifest?: string;
  /** The code folder that no package.json covers (none in it or above it): nothing installs the package */
  noManifestIn?: string;
  /** Every import of the package in the project's deployed code, in file order (`loc` among them) */
  places: ImportPlace[];
  owners: ModelElement[];
  /**
   * Ids of the owners whose own layers hold the package: a package counts as declared only when
   * every owner's layers hold it, but an owner whose code never reaches the importing file does
   * not need it (the rule narrows the owners to those whose code does).
   */
  layerProvidedFor: string[];
}

export interface DependencyFacts {
  dependencies: DependencyUse[];
  /** Present when vulnerability data was looked up */
  vulnerabilities?: VulnerableUse[];
  vulnerabilitySource?: VulnScanResult['source'];
  supplyChain: SupplyChainUse[];
  unused: UnusedDeclaration[];
  undeclared: UndeclaredImport[];
}
