import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `deserialization` row of `families.ts`. */
export const unsafeDeserialization = familyRule('deserialization');
