/**
 * The values the model's resources give to properties that hold a credential by definition
 * (`secrets/credential-properties.ts`): a database's master password, a connection's API key …
 * Each with where it is written, so that rules can tell a literal from a parameter's value.
 */
import type { AppModel, Resource } from '../app-model.js';
import { isComposite, isValueMap, ParameterValue, type Value } from '../value.js';
import { CREDENTIAL_PROPERTIES, type CredentialProperty } from '../../secrets/credential-properties.js';

export interface CredentialValue {
  resource: Resource;
  property: CredentialProperty;
  /** The property path, with each `*` of the catalogue replaced by the item's index */
  path: string[];
  value: Value;
}

const COMPUTED = new WeakMap<AppModel, CredentialValue[]>();

/** Every credential value of the model, in model order; computed once per model. */
export function credentialValues(model: AppModel): CredentialValue[] {
  let values = COMPUTED.get(model);
  if (!values) COMPUTED.set(model, (values = collect(model)));
  return values;
}

/** The catalogue by resource type: a template has thousands of resources and few of these types. */
const BY_TYPE = new Map<string, CredentialProperty[]>();
for (const property of CREDENTIAL_PROPERTIES) BY_TYPE.set(property.type, [...(BY_TYPE.get(property.type) ?? []), property]);

function collect(model: AppModel): CredentialValue[] {
  const out: CredentialValue[] = [];
  for (const resource of model.resources) {
    for (const property of BY_TYPE.get(resource.type) ?? []) {
      for (const found of valuesAt(resource.properties, property.path, [])) out.push({ resource, property, ...found });
    }
  }
  return out;
}

function valuesAt(v: Value | undefined, path: readonly string[], done: string[]): Array<{ value: Value; path: string[] }> {
  if (v === undefined) return [];
  const [step, ...rest] = path;
  if (step === undefined) return [{ value: v, path: done }];
  if (step === '*') return Array.isArray(v) ? v.flatMap((item, i) => valuesAt(item, rest, [...done, String(i)])) : [];
  return isValueMap(v) ? valuesAt(v[step], rest, [...done, step]) : [];
}

/**
 * Whether the value is, or contains, the named parameter's value: a parameter without a value
 * stays a ParameterValue; one with a Default (or `--param`) is evaluated to that text.
 */
export function takesParameter(value: Value, name: string, parameterValue: Value): boolean {
  // A dynamic reference built from the parameter takes the secret's name from it, not the secret.
  if (isDynamicReference(value)) return false;
  if (value instanceof ParameterValue) return value.parameterName === name;
  if (isComposite(value)) return value.parts.some((part) => part instanceof ParameterValue && part.parameterName === name);
  if (typeof value !== 'string' || typeof parameterValue !== 'string' || parameterValue === '') return false;
  // Inside a longer text only a value long enough not to be a common word (`dev`, `true`) counts.
  return value === parameterValue || (parameterValue.length >= MIN_EMBEDDED_CHARS && value.includes(parameterValue));
}

const MIN_EMBEDDED_CHARS = 8;

/** `{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`, `{{resolve:ssm:…}}`, written whole or built with Fn::Sub / Fn::Join. */
export function isDynamicReference(value: Value): boolean {
  const first = isComposite(value) ? value.parts[0] : value;
  return typeof first === 'string' && first.trim().startsWith('{{resolve:');
}

/** `Users[1].Password` */
export function pathText(path: readonly string[]): string {
  return path.map((step, i) => (/^\d+$/.test(step) ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}
