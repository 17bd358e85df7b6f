import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `xpath` row of `code/taint/models/families.ts`. */
export const xpathInjection = familyRule('xpath');
