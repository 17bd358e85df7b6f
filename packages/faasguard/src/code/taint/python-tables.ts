/**
 * Python checks and methods whose result carries no data. Python sinks and sanitizers are data:
 * `models/python-sinks.ts`, `models/sanitizer-rows.ts`.
 */

/** String methods that answer yes or no (and so can be checks). */
export const PY_CHECK_METHODS: ReadonlySet<string> = new Set(['isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'isidentifier']);

/** Methods whose result carries none of the data. */
export const PY_CLEAN_METHODS: ReadonlySet<string> = new Set(['startswith', 'endswith', 'count', 'find', 'index', 'isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'hexdigest', 'digest', '__len__']);
