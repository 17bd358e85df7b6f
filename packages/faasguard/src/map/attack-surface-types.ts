/**
 * The attack-surface map (`faasguard map --format json`, schema version 1.0.0): entry points →
 * functions → what they can reach. The HTML report draws this JSON.
 *
 * Ids are the model's (`<template>/<LogicalId>`, with `#…` suffixes for entry points that are not
 * resources). Locations are relative to the scanned directory. Lists are sorted, so the same input
 * gives the same bytes.
 */
import type { ExposureLevel } from '../analysis/exposure-types.js';

export interface MapLocation {
  file: string;
  line: number;
  column: number;
}

export interface AttackSurfaceMap {
  schemaVersion: '1.0.0';
  entryPoints: MapEntryPoint[];
  functions: MapFunction[];
  resources: MapResource[];
  edges: MapEdge[];
}

export type EntryPointKind = 'route' | 'function-url' | 'permission' | 'public-writer' | 'schedule' | 'event';

export interface MapEntryPoint {
  id: string;
  kind: EntryPointKind;
  /** e.g. `GET /orders/{id} (OrdersApi)` */
  label: string;
  /** Who can use it */
  exposure: ExposureLevel;
  /** e.g. `no authorization`, `cognito authorizer CognitoAuth`, `Principal "*"` */
  detail: string;
  location: MapLocation;
}

export interface MapPathStep {
  message: string;
  location: MapLocation;
}

export interface MapFunction {
  id: string;
  name: string;
  exposure: ExposureLevel;
  runtime?: string;
  location: MapLocation;
  /** Every way in, widest first */
  paths: Array<{ level: ExposureLevel; description: string; steps: MapPathStep[] }>;
  /** What the function's role allows, per target */
  reaches: MapReach[];
}

export interface MapReach {
  /** A resource id of the map, `*` for every resource, or the ARN text of an external resource */
  target: string;
  targetName: string;
  actions: string[];
}

/**
 * A resource an edge leads to or from. Besides the templates' resources: `*` (kind `any`) for every
 * resource, and kind `external`, whose id is the ARN text, for a target outside the templates; both
 * have an empty location. Every id an edge names is listed here, among `entryPoints` or `functions`.
 */
export interface MapResource {
  id: string;
  name: string;
  kind: string;
  type: string;
  /** Writable by anyone on the internet */
  publicWrite: boolean;
  location: MapLocation;
}

export type EdgeKind = 'invokes' | 'triggers' | 'writes' | 'accesses';

export interface MapEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label: string;
}
