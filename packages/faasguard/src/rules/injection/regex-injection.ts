import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `regex` row of `code/taint/models/families.ts`. */
export const regexInjection = familyRule('regex');
