/**
 * A rule: metadata that documents it (and generates `docs/rules/<id>.md` and `faasguard explain`),
 * and a check over the AppModel. Rules never read templates: only the model.
 */
import type { Exclusion } from '../discover/exclude-globs.js';
import type { AppModel } from '../model/app-model.js';
import type { DependencyFacts } from '../analysis/dependency-facts.js';
import type { SecretFacts } from '../analysis/secret-facts.js';
import type { SourceLocation } from '../model/location.js';
import type { FlowStep, RelatedLocation, SasCategory, Severity, FindingSubject } from '../findings/finding.js';

export interface RuleMeta {
  /** Kebab-case, stable forever: `function-url-without-auth` */
  id: string;
  title: string;
  category: SasCategory;
  /** e.g. ['CWE-306'] */
  cwe: string[];
  severity: Severity;
  /** What the risk is and what an attacker can do with it (Markdown) */
  description: string;
  /** How to fix it (Markdown) */
  remediation: string;
  /** A short vulnerable and fixed example, shown in the docs */
  example?: { vulnerable: string; fixed: string; language: 'yaml' | 'json' | 'javascript' | 'python' };
  /** Links to public references */
  references?: string[];
  /**
   * What the rule judges: CloudFormation resource types (`AWS::S3::Bucket`, `AWS::Serverless::Function`),
   * or `function code` / `dependencies` / `suppressions` for the rules that read those. It makes the
   * "what faasguard checks" table by resource type.
   */
  judges?: string[];
  /**
   * The same check in other scanners, where one exists, as `<scanner> <check id>` (`Checkov
   * CKV_AWS_18`, `cfn-nag W35`, `KICS <query id>`): for users who compare tools. Facts only.
   */
  peerChecks?: string[];
}

/** What a check returns; the engine adds the metadata and the fingerprint. */
export interface RuleResult {
  message: string;
  location: SourceLocation;
  related?: RelatedLocation[];
  subject?: FindingSubject;
  /** Stable identity of what is wrong within the file (never a line number) */
  key: string[];
  /** Overrides the rule's default severity for this result */
  severity?: Severity;
  /** For data-flow findings: each step from the source to the sink, in order */
  flow?: FlowStep[];
}

export interface RuleContext {
  model: AppModel;
  /** The scanned directory, for rules that read the functions' code */
  root?: string;
  /** The scan's excluded paths: code rules read none of them (see `code-scope.ts`) */
  exclusion?: Exclusion;
  /** Lockfiles, vulnerabilities and imports of the deployed code, when a rule requires them */
  deps?: DependencyFacts;
  /** Secrets in code, config, `.env` files and inline code, when a rule requires them */
  secrets?: SecretFacts;
}

/** Facts a rule needs computed before it runs (see `analysis/rule-inputs.ts`). */
export type RuleInput = 'dependencies' | 'vulnerabilities' | 'secrets';

export interface Rule {
  meta: RuleMeta;
  /** Inputs beyond the model; each is computed once per scan, only when a running rule asks */
  requires?: readonly RuleInput[];
  check(ctx: RuleContext): RuleResult[];
}
