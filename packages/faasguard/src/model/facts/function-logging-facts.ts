/**
 * A function's own logging settings (`LoggingConfig`), read from its resource properties: the model's
 * LambdaFunction does not carry them.
 */
import type { Resource } from '../app-model.js';
import { isValueMap, referencedResource, type Value } from '../value.js';

/** Typed view of `LoggingConfig` of an `AWS::Lambda::Function` or `AWS::Serverless::Function`. */
export interface FunctionLoggingFacts {
  /** `LoggingConfig.LogGroup`: the group the function writes to instead of `/aws/lambda/<name>` */
  logGroup?: Value;
  /** Model id of that group, when the template defines it */
  logGroupId?: string;
}

export function functionLoggingFacts(fnResource: Resource | undefined): FunctionLoggingFacts {
  const config = fnResource?.properties['LoggingConfig'];
  if (!isValueMap(config) || config['LogGroup'] === undefined) return {};
  const logGroup = config['LogGroup'];
  const ref = referencedResource(logGroup);
  return { logGroup, ...(ref ? { logGroupId: ref.target } : {}) };
}
