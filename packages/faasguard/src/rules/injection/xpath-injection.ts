import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `xpath` row of `families.ts`. */
export const xpathInjection = familyRule('xpath');
