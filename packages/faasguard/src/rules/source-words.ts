/**
 * The words a message uses for where a resource is written, as its source spells them: a template
 * and its stack, or a Terraform configuration and Terraform's state. Rules that name a property
 * pick its spelling by `terraform` (`RetentionInDays` or `retention_in_days`).
 */
import { isTerraformConfig } from '../loaders/terraform/terraform-files.js';

export interface SourceWords {
  terraform: boolean;
  /** `template` or `configuration` */
  app: string;
  /** `the stack` or `Terraform's state` */
  owner: string;
}

const TEMPLATE: SourceWords = { terraform: false, app: 'template', owner: 'the stack' };
const TERRAFORM: SourceWords = { terraform: true, app: 'configuration', owner: "Terraform's state" };

/** `file`: where the resource is written, relative to the scan root. */
export function sourceWords(file: string): SourceWords {
  return isTerraformConfig(file) ? TERRAFORM : TEMPLATE;
}

/** Whether `file` is a Serverless Framework service (`serverless.yml`, `serverless.ts` …), whose settings are spelled in its own way. */
export function isServerlessService(file: string): boolean {
  return /(^|\/)serverless\.(ya?ml|json|[cm]?[jt]s)$/.test(file);
}
