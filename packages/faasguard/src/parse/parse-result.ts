import type { Diagnostic } from '../model/diagnostic.js';
import type { TNode } from './tree.js';

/** A parsed document, or the reasons it could not be parsed. Parsers never throw. */
export interface ParseResult {
  root?: TNode;
  diagnostics: Diagnostic[];
}
