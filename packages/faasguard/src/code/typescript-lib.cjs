'use strict';
// The TypeScript compiler, shared by every module that reads JavaScript or TypeScript, as one
// object that `load-typescript.ts` fills on first use: loading it costs some 20 ms even cut down to
// the parser (the package's whole 9 MB, 0.15 s), and a scan whose result comes from the scan
// cache, or whose app has no JavaScript, never needs it. (Loaded with `require` rather than
// imported from ESM: Node would first scan the file for named exports.)
module.exports = {};
