import { familyRule } from './flow-rule.js';

/** Metadata, severity scale and message: the `ldap` row of `families.ts`. */
export const ldapInjection = familyRule('ldap');
