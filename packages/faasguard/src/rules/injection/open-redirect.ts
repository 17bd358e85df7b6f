import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `redirect` row of `code/taint/models/families.ts`. */
export const openRedirect = familyRule('redirect');
