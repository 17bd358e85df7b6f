/**
 * The words a message uses for where a resource is written, as its source spells them: a template
 * and its stack, or a Terraform configuration and Terraform's state. Rules that name a property
 * pick its spelling by `terraform` (`RetentionInDays` or `retention_in_days`).
 */
import { isTerraformConfig } from '../loaders/terraform/terraform-files.js';
import type { AppModel, ModelElement } from '../model/app-model.js';
import { ModelIndex } from '../model/model-index.js';

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

/**
 * Whether the element is written in a Serverless Framework service, whose settings are spelled in
 * its own way: by the stack's format, since a service may write its functions in files it includes
 * (`functions: ${file(functions.yml)}`), whose names say nothing of it.
 */
export function inServerlessService(model: AppModel, e: Pick<ModelElement, 'stack'>): boolean {
  return ModelIndex.of(model).stackOf(e)?.format === 'serverless';
}
