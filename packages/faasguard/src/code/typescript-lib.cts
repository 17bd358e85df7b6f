/**
 * The TypeScript compiler, loaded with `require`. Imported from ESM directly, Node first scans its
 * 9 MB of CommonJS for named exports (cjs-module-lexer), which costs about a quarter of a second
 * on every start; `module.exports = ts` gives the lexer nothing to follow.
 */
import ts = require('typescript');
export = ts;
