/**
 * Bounds that keep detection linear and finite on hostile or generated input
 * (bundles, lock files, data dumps). Documented in README.md.
 */

/** Characters scanned per text by default (4 MiB); the rest is reported as truncated, not scanned. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

/** Hits kept per text: past this a file is a dump, and more findings add nothing. */
export const MAX_MATCHES_PER_TEXT = 500;

/** Longest identifier considered as the name in a `name = value` assignment. */
export const MAX_NAME_CHARS = 64;

/** Longest value read after an assignment operator. */
export const MAX_VALUE_CHARS = 1024;

/** Longest PEM block followed from its BEGIN line to its END line. */
export const MAX_PEM_CHARS = 16 * 1024;

/** Lines around an anchor (access key id, account SID) searched for its paired secret. */
export const PAIR_WINDOW_LINES = 5;
