import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `nosql` row of `families.ts`. */
export const nosqlInjection = familyRule('nosql');
