import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `code` row of `code/taint/models/families.ts`. */
export const codeInjection = familyRule('code');
