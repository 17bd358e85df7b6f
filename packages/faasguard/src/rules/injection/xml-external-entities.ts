import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `xxe` row of `code/taint/models/families.ts`. */
export const xmlExternalEntities = familyRule('xxe');
