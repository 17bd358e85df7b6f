import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `nosql` row of `code/taint/models/families.ts`. */
export const nosqlInjection = familyRule('nosql');
