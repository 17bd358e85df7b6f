/**
 * Which findings point at a secret's value. Reports mask the text at the location of every such
 * finding, wherever it occurs (see `scan/secret-values.ts`), since a value may be a secret only
 * because of the name it is assigned to. Some rules of the secrets category (SAS-7) point at a
 * resource or at a reference instead (an access key's definition, `!Ref DbSecret`): masking the
 * text there would hide a logical id throughout the report and protect nothing.
 */

/** Rules of the secrets category whose findings never point at a secret's value. */
const NOT_AT_A_VALUE: ReadonlySet<string> = new Set(['env-secret-by-reference', 'secret-without-rotation', 'iam-access-key-in-template']);

export function pointsAtSecretValue(f: { ruleId: string; category: string }): boolean {
  return f.category === 'SAS-7' && !NOT_AT_A_VALUE.has(f.ruleId);
}
