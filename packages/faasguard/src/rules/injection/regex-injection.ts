import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `regex` row of `families.ts`. */
export const regexInjection = familyRule('regex');
