/**
 * What API Gateway validates before a REST method's integration runs, read from the three places a
 * method is written: an `AWS::ApiGateway::Method` (`RequestValidatorId`, `RequestParameters`), an
 * OpenAPI operation (`x-amazon-apigateway-request-validator`, its `parameters`), and a SAM `Api`
 * event (`RequestModel`, `RequestParameters`). A validator that cannot be read (defined outside the
 * template, chosen by a parameter) is taken to validate both body and parameters.
 */
import type { RequestValidation } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { asArray, asBoolean, isValueMap, type Value, type ValueMap } from '../model/value.js';

/** The flags of a validator: `ValidateRequestBody`/`validateRequestBody` and the parameters one. */
export interface ValidatorFlags {
  body: boolean;
  parameters: boolean;
}

export const UNREAD_VALIDATOR: ValidatorFlags = { body: true, parameters: true };
export const NO_VALIDATOR: ValidatorFlags = { body: false, parameters: false };

/** A validator's map, whichever case its keys are written in. */
export function validatorFlags(v: Value | undefined): ValidatorFlags {
  if (!isValueMap(v)) return UNREAD_VALIDATOR;
  return {
    body: asBoolean(v['ValidateRequestBody'] ?? v['validateRequestBody']) !== false,
    parameters: asBoolean(v['ValidateRequestParameters'] ?? v['validateRequestParameters']) !== false,
  };
}

/** `RequestParameters` of a CloudFormation method: `{ "method.request.querystring.q": true }` (true is required). */
export function requiredMethodParameters(v: Value | undefined): string[] {
  if (!isValueMap(v)) return [];
  return Object.entries(v).filter(([name, required]) => asBoolean(required) === true && !name.includes('.path.')).map(([name]) => name);
}

/** OpenAPI `parameters`: those `in` query or header with `required: true` (path parameters are routed on). */
export function requiredOpenApiParameters(v: Value | undefined): string[] {
  return asArray(v)
    .filter(isValueMap)
    .filter((p) => asBoolean(p['required']) === true && (p['in'] === 'query' || p['in'] === 'header'))
    .map((p) => `method.request.${p['in'] === 'query' ? 'querystring' : 'header'}.${String(p['name'])}`);
}

/** A SAM event's `RequestModel` and `RequestParameters`: SAM adds the validator they ask for. */
export function samEventValidation(p: ValueMap, loc: SourceLocation): RequestValidation {
  const model = p['RequestModel'];
  const body = isValueMap(model) && asBoolean(model['ValidateBody']) !== false;
  // SAM validates the parameters it is told are required: they are not reported.
  return { body, parameters: true, requiredParameters: [], loc };
}

export function requestValidation(flags: ValidatorFlags, requiredParameters: string[], loc: SourceLocation): RequestValidation {
  return { ...flags, requiredParameters, loc };
}
