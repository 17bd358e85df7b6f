/** How one ecosystem parses and orders its versions. */
export interface VersionScheme {
  /** Canonical form of a valid version, or undefined when it is not one. */
  parse(v: string): string | undefined;
  /** Negative, zero or positive, like a sort comparator; both arguments already parsed. */
  compare(a: string, b: string): number;
  /** Equality for explicit `versions` lists. */
  equal(a: string, b: string): boolean;
}
