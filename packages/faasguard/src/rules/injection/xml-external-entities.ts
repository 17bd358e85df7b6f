import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `xxe` row of `families.ts`. */
export const xmlExternalEntities = familyRule('xxe');
