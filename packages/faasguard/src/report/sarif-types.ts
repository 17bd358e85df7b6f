/**
 * The subset of SARIF 2.1.0 (OASIS) that faasguard writes. Property names follow the specification
 * exactly; optional properties hold `undefined` when absent and vanish in JSON.stringify.
 */

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId: string;
}

export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region?: SarifRegion;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: SarifPhysicalLocation;
  message?: SarifMessage;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  codeFlows?: SarifCodeFlow[];
  partialFingerprints: Record<string, string>;
  /** Present on a suppressed result only */
  suppressions?: SarifSuppression[];
  properties: Record<string, unknown>;
}

/** A suppression written in the scanned project (`inSource`), accepted by its authors. */
export interface SarifSuppression {
  kind: 'inSource';
  status: 'accepted';
  justification: string;
  location: SarifLocation;
}

/** A data flow: one thread whose locations go from the source to the sink. */
export interface SarifCodeFlow {
  threadFlows: Array<{ locations: Array<{ location: SarifLocation }> }>;
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  descriptor: { id: string };
  /** Absent for a file outside `%SRCROOT%` */
  locations?: SarifLocation[];
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
    };
  };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
  originalUriBaseIds: Record<string, { description: SarifMessage }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
  /** Present when results were left out over GitHub's limit */
  properties?: { resultLimit: number; omittedResults: number };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
