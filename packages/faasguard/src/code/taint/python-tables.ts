/**
 * Python methods whose result carries no data. Python sinks, sanitizers and guards are data:
 * `models/python-sinks.ts`, `models/sanitizer-rows.ts`, `models/guard-rows.ts`.
 */

/** Methods whose result carries none of the data. */
export const PY_CLEAN_METHODS: ReadonlySet<string> = new Set(['startswith', 'endswith', 'count', 'find', 'index', 'isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'hexdigest', 'digest', '__len__']);
