/**
 * Conditions not known offline, and the truths a scan assumes for them. Kept apart from the
 * evaluator (which needs the parser's types) so that reports and the library's types name them
 * without loading Terraform.
 */
import type { SourceLocation } from '../../model/location.js';

/**
 * A conditional whose condition is not known offline (`var.public ? "NONE" : "AWS_IAM"` with no
 * value for `var.public`) is unknown, and is met as an open condition. A scan then loads the module
 * again with the condition assumed true, then false, to find what holds for each value (see
 * `scan/conditional-findings.ts`). A condition is named by its module and its text.
 */
export interface Assumptions {
  /** The module path of the scope (`module.api.`; `''` for the root module) */
  prefix: string;
  /** Assumed truths, by `conditionKey` */
  given: ReadonlyMap<string, boolean>;
  /** Conditions met and not assumed, by `conditionKey`; absent where they are not recorded (a `count`) */
  open?: Map<string, OpenCondition>;
}

export interface OpenCondition {
  key: string;
  /** `var.public`, `var.env == "prod"` */
  text: string;
  /** The module whose expression it is (`module.api`), absent for the root module */
  module?: string;
  /** What the module's caller gave for it, when that differs from its text (`var.public` for a module's `var.open`) */
  given?: string;
  loc: SourceLocation;
}

/** The condition's identity: its module and its text, spaces folded. */
export function conditionKey(prefix: string, text: string): string {
  return `${prefix}${text.replace(/\s+/g, ' ').trim()}`;
}

/** One Terraform root module loaded again with truths assumed for conditions not known offline. */
export interface TerraformFork {
  /** The root module's folder, relative to the scan root (`.` for the root) */
  dir: string;
  /** Truths by condition key (`OpenCondition.key`) */
  assume: ReadonlyMap<string, boolean>;
}

/** The open conditions of each root module that has some. */
export type OpenConditions = Array<{ dir: string; conditions: OpenCondition[] }>;
