/**
 * Secrets found outside the template's typed fields, computed once per scan and read by the
 * SAS-7 rules: in function and layer code, config files beside it, `.env` files anywhere, and
 * inline function code. Matches carry positions and redactions only, never the secret.
 */
import type { SecretMatch } from '../secrets/index.js';
import type { LambdaFunction, ModelElement } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';

/** Why a file was searched for secrets. */
export type SecretFileKind = 'code' | 'config' | 'env-file';

/** A secret in a file of the project. */
export interface FileSecret {
  match: SecretMatch;
  kind: SecretFileKind;
  /** The secret's first character in the file */
  loc: SourceLocation;
  /** Functions (or unused layers) whose deployed code holds the file; none for a `.env` outside code */
  owners: ModelElement[];
  /** True when the file is layer code */
  inLayer: boolean;
}

/** A secret in a function's inline code (ZipFile / InlineCode). */
export interface InlineSecret {
  fn: LambdaFunction;
  match: SecretMatch;
  /** The secret's position in the template, or the inline code's when it cannot be pinned down */
  loc: SourceLocation;
}

export interface SecretFacts {
  files: FileSecret[];
  inline: InlineSecret[];
}
