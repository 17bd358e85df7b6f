import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `code` row of `families.ts`. */
export const codeInjection = familyRule('code');
