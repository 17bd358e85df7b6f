/**
 * The AWS API calls found in a function's code, before and after they are mapped to IAM actions.
 */
import type { SourceLocation } from '../../model/location.js';

/** Where a call's target comes from, when the code says. */
export type CallTarget = { kind: 'env'; name: string } | { kind: 'literal'; value: string };

/** One SDK call as written: the service and operation (PascalCase, as the API names it). */
export interface SdkCall {
  /** IAM service prefix, e.g. `dynamodb` */
  service: string;
  /** API operation, e.g. `PutItem`; SDK-only helpers keep their name (`upload_file`, `Upload`) */
  operation: string;
  target?: CallTarget;
  /**
   * The client was given credentials by the code (an access key, a session a tenant's token
   * assumed): the function's execution role does not govern the call.
   */
  ownCredentials?: boolean;
  /** The request sets the object's ACL (`ACL`, or a `Grant…` header) */
  acl?: ObjectAcl;
  loc: SourceLocation;
}

/** An ACL a request gives the object it writes. */
export interface ObjectAcl {
  /** The canned ACL (`public-read`), when the code writes it as a literal */
  canned?: string;
}

/** A call whose service or operation the code computes: reported, never guessed. */
export interface UndeterminedCall {
  reason: string;
  loc: SourceLocation;
}

/** What the extraction found in one file. */
export interface FileCalls {
  calls: SdkCall[];
  undetermined: UndeterminedCall[];
}
