/**
 * Types of `typescript-lib.cjs`: the TypeScript compiler's own. The object behind them is empty
 * until `loadTypeScript()` (see `load-typescript.ts`) fills it.
 */
import ts = require('typescript');
export = ts;
