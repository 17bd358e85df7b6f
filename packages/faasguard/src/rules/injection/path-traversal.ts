import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `path` row of `families.ts`. */
export const pathTraversal = familyRule('path');
