import type { Diagnostic } from '../model/diagnostic.js';
import type { TNode, TScalar } from './tree.js';

/** A parsed document, or the reasons it could not be parsed. Parsers never throw. */
export interface ParseResult {
  root?: TNode;
  diagnostics: Diagnostic[];
  /**
   * Plain scalars of a YAML text that YAML 1.1 reads as booleans and YAML 1.2 as text (`Yes`, `Off`):
   * the tree holds the text; a CloudFormation template gives them their YAML 1.1 value
   * (`yaml-1-1-booleans.ts`). Absent when there are none.
   */
  yaml11Booleans?: TScalar[];
}
