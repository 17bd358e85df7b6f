/**
 * The Systems Manager parameter a value is read from: a template parameter of type
 * `AWS::SSM::Parameter::Value<…>` (its `SsmParameterValue`), or a `{{resolve:ssm:name}}` dynamic
 * reference (optionally `:version`). Undefined for any other value.
 */
import { SsmParameterValue, type Value } from './value.js';

export function ssmParameterName(v: Value | undefined): string | undefined {
  if (v instanceof SsmParameterValue) return v.parameterName;
  return typeof v === 'string' ? /^\{\{resolve:ssm:([^:}]+)(?::\d+)?\}\}$/.exec(v.trim())?.[1] : undefined;
}
