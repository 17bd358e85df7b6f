/**
 * The plain words YAML 1.1 reads as booleans and YAML 1.2 reads as text: `Yes`, `No`, `On`, `Off`
 * in their three spellings. CloudFormation "supports the YAML Version 1.1 specification" (template
 * formats page of its user guide) and SAM CLI reads templates with PyYAML, so both deploy
 * `PubliclyAccessible: Yes` as `true`. A Serverless Framework service is read by js-yaml, a YAML 1.2
 * reader, where `Yes` stays text. The parsers resolve by YAML 1.2 and record these scalars; the
 * reader of each format decides (`read-template.ts`).
 *
 * `y`, `Y`, `n` and `N` are left out, as PyYAML and SnakeYAML leave them out of their resolvers.
 * Keys and tagged values (`!Ref Yes`) are not recorded: both readers keep them as written.
 */
import type { TScalar } from './tree.js';

export const YAML_1_1_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

const TRUE_WORD = /^(?:yes|on)$/i;

/** Gives each recorded scalar the boolean YAML 1.1 reads; a scalar already read is left alone. */
export function readAsYaml11Booleans(scalars: readonly TScalar[] | undefined): void {
  for (const s of scalars ?? []) {
    if (typeof s.value === 'string') s.value = TRUE_WORD.test(s.value);
  }
}
