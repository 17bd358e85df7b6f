/**
 * Python methods whose result carries no data. Python sinks, sanitizers and guards are data:
 * `models/python-sinks.ts`, `models/sanitizer-rows.ts`, `models/guard-rows.ts`.
 */

/** Methods whose result carries none of the data. */
/**
 * Methods that render or select a value's text or data (string methods, a mapping's `get` and
 * views, an exception's `__str__` and `with_traceback`): called on a caught error, or on text made
 * from it, they give the error's content. Any other method called on an error (the exception used
 * as if it were the connection a helper should have returned: `conn.cursor()`) gives what that
 * method would return, not the error's text.
 */
export const PY_ERROR_TEXT_METHODS: ReadonlySet<string> = new Set([
  '__str__', '__repr__', 'with_traceback', 'format', 'format_map', 'join', 'split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip',
  'replace', 'upper', 'lower', 'title', 'capitalize', 'casefold', 'encode', 'decode', 'partition', 'rpartition', 'center', 'ljust', 'rjust',
  'zfill', 'expandtabs', 'removeprefix', 'removesuffix', 'translate', 'get', 'items', 'values', 'keys', 'copy', 'to_dict', 'dict', 'json',
]);

export const PY_CLEAN_METHODS: ReadonlySet<string> = new Set(['startswith', 'endswith', 'count', 'find', 'index', 'isdigit', 'isnumeric', 'isalnum', 'isalpha', 'isdecimal', 'hexdigest', 'digest', '__len__']);
