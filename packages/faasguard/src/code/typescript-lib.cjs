'use strict';
// The TypeScript compiler, shared by every module that reads JavaScript or TypeScript, as one
// object that `load-typescript.ts` fills on first use. Compiling the compiler's 9 MB costs about
// 0.15 s; a scan whose result comes from the scan cache, or whose app has no JavaScript, never
// needs it. (Loaded with `require` rather than imported from ESM: Node would first scan the 9 MB
// for named exports.)
module.exports = {};
