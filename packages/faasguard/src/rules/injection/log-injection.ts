import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `log-forging` row of `code/taint/models/families.ts`. */
export const logInjection = familyRule('log-forging');
