import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `log-forging` row of `families.ts`. */
export const logInjection = familyRule('log-forging');
