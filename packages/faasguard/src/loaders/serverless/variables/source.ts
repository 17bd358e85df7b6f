/**
 * What every variable source works with, and what it returns.
 */
import type { DiagnosticSink } from '../../../model/diagnostic.js';
import type { SourceLocation } from '../../../model/location.js';
import type { TNode } from '../../../parse/tree.js';
import type { UnknownMarkers } from '../unknown-markers.js';
import type { FileReader } from '../../file-reader.js';
import type { SourceCall } from './syntax.js';

/** Options of the scan that variables read. */
export interface ServerlessOptions {
  /** `--stage`; the framework's default is `dev` (or `provider.stage`) */
  stage?: string;
  /** `--region`; the framework's default is `us-east-1` (or `provider.region`) */
  region?: string;
  /**
   * Environment variables `${env:…}` may read (`--env-vars`): names, or `*` for all. Without it,
   * `${env:…}` is unknown: a scan must not depend on the machine it runs on unless asked to.
   */
  envVars?: readonly string[];
  /** The environment to read from (process.env by default) */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface SourceContext {
  call: SourceCall;
  /** Where the variable is written */
  loc: SourceLocation;
  depth: number;
  options: ServerlessOptions;
  markers: UnknownMarkers;
  diagnostics: DiagnosticSink;
  /** A node of the main configuration by dotted path (`provider.stage`), resolved */
  self(address: string, depth: number, loc: SourceLocation): TNode | undefined;
  /** A node of an already resolved tree by dotted path */
  pick(root: TNode, address: string): TNode | undefined;
  /** Resolves the variables of a tree that another file brought in */
  resolveTree(node: TNode, depth: number): TNode;
  stage(): string;
  region(): string;
  /** Reads files inside the scan root that the scan does not exclude */
  files: FileReader;
}

/** A value, or undefined when the source has none (the next fallback is then tried). */
export type SourceResult = TNode | undefined;

export type VariableSource = (ctx: SourceContext) => SourceResult;

export function scalarNode(value: string | number | boolean | null, loc: SourceLocation): TNode {
  return { kind: 'scalar', value, loc };
}

/** An unknown value, marked with its reason. */
export function unknownNode(ctx: SourceContext, reason: string): TNode {
  return scalarNode(ctx.markers.mark(reason), ctx.loc);
}
