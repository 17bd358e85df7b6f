import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `xss` row of `families.ts`. */
export const xss = familyRule('xss');
