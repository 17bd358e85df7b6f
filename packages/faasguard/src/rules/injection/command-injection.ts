import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `command` row of `families.ts`. */
export const commandInjection = familyRule('command');
