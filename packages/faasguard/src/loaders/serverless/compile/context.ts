/**
 * What the compilation steps share: the resolved configuration, the generated resources, and the
 * IAM statements that events add to the shared role.
 */
import type { DiagnosticSink } from '../../../model/diagnostic.js';
import type { SourceLocation } from '../../../model/location.js';
import type { TMap, TNode } from '../../../parse/tree.js';
import type { UnknownMarkers } from '../unknown-markers.js';
import { build, type Shape } from './nodes.js';

export interface ServerlessFunction {
  /** The name under `functions` */
  name: string;
  node: TMap;
  /** Location of the function's name (what a person clicks) */
  loc: SourceLocation;
  logicalId: string;
  /** The logical id of its role when one is generated for it alone (per-function roles) */
  ownRoleId?: string;
  /** Statements its event sources need (SQS, streams …), added to the role it runs with */
  eventStatements: TNode[];
}

/** A trigger the CloudFormation loader cannot see (an existing bucket, an ALB listener). */
export interface ExternalTrigger {
  kind: 's3' | 'cognito-user-pool' | 'alb' | 'iot' | 'alexa' | 'cloudfront' | 'unknown';
  functionLogicalId: string;
  source: string;
  /** The bucket's logical id when `resources` declares it */
  sourceLogicalId?: string;
  details: Record<string, string | number | boolean | null>;
  loc: SourceLocation;
}

export class CompileContext {
  readonly resources = new Map<string, { node: TMap; keyLoc: SourceLocation }>();
  readonly outputs = new Map<string, { node: TNode; keyLoc: SourceLocation }>();
  readonly externalTriggers: ExternalTrigger[] = [];
  readonly functions: ServerlessFunction[] = [];
  /** `resources.Resources` as written (merged when it is a list), for events on existing resources */
  userResources: TMap | undefined;

  constructor(
    readonly config: TMap,
    readonly service: string,
    readonly stage: string,
    readonly region: string,
    readonly file: string,
    readonly markers: UnknownMarkers,
    readonly diagnostics: DiagnosticSink,
  ) {}

  get provider(): TNode | undefined {
    return this.config.entries.find((e) => e.key === 'provider')?.value;
  }

  /** Adds (or replaces) a generated resource; `keyLoc` is where findings on it point. */
  add(logicalId: string, type: string, properties: { [key: string]: Shape }, loc: SourceLocation, extra: { [key: string]: Shape } = {}): TMap {
    const node = build({ Type: type, Properties: properties, ...extra }, loc) as TMap;
    this.resources.set(logicalId, { node, keyLoc: loc });
    return node;
  }

  has(logicalId: string): boolean {
    return this.resources.has(logicalId);
  }

  fn(name: string): ServerlessFunction | undefined {
    return this.functions.find((f) => f.name === name);
  }

  /** A key under `provider` (or nested: `provider.iam.role`), resolved. */
  providerAt(...keys: string[]): TNode | undefined {
    let node = this.provider;
    for (const k of keys) node = node?.kind === 'map' ? node.entries.find((e) => e.key === k)?.value : undefined;
    return node;
  }
}
