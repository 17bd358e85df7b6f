/**
 * A file a template names by a path relative to itself (an AWS::Include Location, an API's
 * DefinitionUri), read through the scan's file reader so that it never leaves the scan root. What
 * cannot be read is reported once, at the place that names it.
 */
import type { DiagnosticSink } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/location.js';
import type { TNode, TScalar } from '../../parse/tree.js';
import type { FileReader, ReadOutcome } from '../file-reader.js';
import { referenceRefusalDiagnostic } from '../../files/read-regular-file.js';

export interface LocalTree {
  root: TNode;
  /** Relative to the scan root */
  rel: string;
  /** See `ParseResult.yaml11Booleans`: whoever reads the file as CloudFormation gives them their YAML 1.1 value */
  yaml11Booleans?: TScalar[];
}

/** `what` names the reference in messages, e.g. `AWS::Include of ./api.yaml`. */
export function readLocalTree(reader: FileReader, rawPath: string, what: string, at: SourceLocation, diagnostics: DiagnosticSink): LocalTree | undefined {
  const abs = reader.resolve(at.file, rawPath);
  const outcome = abs === 'outside' ? ({ kind: 'outside' } as const) : reader.read(abs);
  switch (outcome.kind) {
    case 'outside':
      diagnostics.error('path-outside-project', `${what} points outside the scanned directory: not read`, at);
      return undefined;
    case 'excluded':
      diagnostics.note('file-excluded', `${what} is excluded from the scan (--exclude or the configuration's exclude): not read; what it holds is unknown`, at);
      return undefined;
    case 'missing':
      return abs === 'outside' ? undefined : readOtherCase(reader, abs, what, at, diagnostics);
    case 'code':
    case 'unparsable':
      diagnostics.warning('file-unparsable', `${what}: not a YAML or JSON file faasguard can read; what it holds is unknown`, at);
      return undefined;
    case 'refused': {
      const d = referenceRefusalDiagnostic(outcome.refusal, at, what);
      diagnostics[d.severity](d.code, d.message, at);
      return undefined;
    }
    case 'tree':
      return localTree(outcome);
  }
}

/**
 * A file named with the wrong case is read, with a warning: SAM CLI finds it on macOS and Windows,
 * and the build fails on a case-sensitive file system (Linux, most CI machines).
 */
function readOtherCase(reader: FileReader, abs: string, what: string, at: SourceLocation, diagnostics: DiagnosticSink): LocalTree | undefined {
  const other = reader.otherCase(abs);
  const outcome = other ? reader.read(other) : undefined;
  if (outcome?.kind !== 'tree') {
    diagnostics.warning('file-not-found', `${what}: no such file in the scanned directory; what it holds is unknown`, at);
    return undefined;
  }
  diagnostics.warning('file-name-case', `${what}: no such file; ${outcome.rel}, whose name differs only in case, is read instead, as a case-insensitive file system (macOS, Windows) finds it; on Linux the build does not`, at);
  return localTree(outcome);
}

function localTree(outcome: Extract<ReadOutcome, { kind: 'tree' }>): LocalTree {
  return outcome.yaml11Booleans ? { root: outcome.root, rel: outcome.rel, yaml11Booleans: outcome.yaml11Booleans } : { root: outcome.root, rel: outcome.rel };
}

/** A Location or URI that names a remote object (`s3://…`, `https://…`) rather than a local file. */
export function isRemote(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}
