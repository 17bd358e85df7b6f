import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `redirect` row of `families.ts`. */
export const openRedirect = familyRule('redirect');
