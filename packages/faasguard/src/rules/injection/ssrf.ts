import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `ssrf` row of `families.ts`. */
export const ssrf = familyRule('ssrf');
