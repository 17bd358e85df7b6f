/**
 * Bounds that keep hostile input from exhausting the scanner: deep nesting, alias bombs and
 * very large documents are reported as errors, not followed.
 */
export const PARSE_LIMITS = {
  /** Deepest nesting of maps and sequences accepted in a template */
  maxDepth: 256,
  /** Most nodes one document may expand to, aliases included */
  maxNodes: 2_000_000,
  /** Most alias dereferences in one document */
  maxAliases: 10_000,
};

export class ParseLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
