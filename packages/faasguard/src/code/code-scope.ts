/**
 * Where the code analyses read, on its own so that the declarations of what takes it (the library
 * API's `leastPrivilegeFor` among them) do not reach the parsers' types.
 */
import type { Exclusion } from '../discover/exclude-globs.js';

/** The scanned directory, minus the scan's excluded paths (never read, nor found as handlers). */
export interface CodeScope {
  root: string;
  exclusion: Exclusion;
}
