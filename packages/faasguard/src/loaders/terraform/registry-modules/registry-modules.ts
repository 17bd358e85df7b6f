/**
 * Registry modules that are not on disk are never downloaded: for the most used serverless
 * modules, a built-in summary says what their inputs create. Each summary names the sources it
 * answers for and the major versions it was written from; a call pinned outside them is still
 * summarized, with a note.
 */
import type { TNode } from '../../../parse/tree.js';
import type { Translatable } from '../load-terraform.js';
import { apiGatewayV2Module } from './apigateway-v2-module.js';
import { lambdaModule } from './lambda-module.js';
import type { ModuleCall } from './module-call.js';
import { s3BucketModule, s3NotificationModule } from './s3-bucket-module.js';
import { snsModule } from './sns-module.js';
import { sqsModule } from './sqs-module.js';

export interface ModuleSummary {
  /** The module as the registry names it */
  name: string;
  /** `source` values it answers for (registry address, GitHub URL) */
  sources: readonly RegExp[];
  /** The first and last major versions the summary was written from */
  majors: readonly [number, number];
  /** The module's outputs, by name: references to the resources it makes */
  outputs(call: ModuleCall): Map<string, TNode>;
  resources(call: ModuleCall): Translatable[];
}

const SUMMARIES: readonly ModuleSummary[] = [lambdaModule, apiGatewayV2Module, s3BucketModule, s3NotificationModule, sqsModule, snsModule];

export function moduleSummary(source: string): ModuleSummary | undefined {
  return SUMMARIES.find((s) => s.sources.some((re) => re.test(source)));
}
