import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `sql` row of `families.ts`. */
export const sqlInjection = familyRule('sql');
