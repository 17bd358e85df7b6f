/**
 * Values that bring a secret into a property by reference: the template never holds the secret,
 * but CloudFormation (or the Serverless Framework) fetches it at deployment and writes it, in
 * plain text, where the property goes.
 *
 * - `!GetAtt Key.SecretAccessKey` of an `AWS::IAM::AccessKey`: an IAM user's long-lived secret key;
 * - `!GetAtt Key.Value` of an `AWS::ApiGateway::ApiKey`: the API key itself (Terraform's
 *   `aws_api_gateway_api_key.k.value`; CloudFormation has no such attribute);
 * - `!Ref P` of a template parameter with `NoEcho: true`;
 * - `{{resolve:secretsmanager:…}}` and `{{resolve:ssm-secure:…}}` dynamic references;
 * - a Serverless Framework `${ssm:…}` (decrypted) or `${secretsmanager:…}` variable: the loader
 *   keeps them as unknown values whose reason names the variable;
 * - a Terraform `data.aws_secretsmanager_secret_version.x.secret_string` or
 *   `data.aws_ssm_parameter.x.value`: read at plan time and written into the configuration (and
 *   the state); the loader keeps them as unknown values that name the expression.
 */
import type { AppModel, ModelElement } from '../app-model.js';
import { ModelIndex } from '../model-index.js';
import { NOT_KNOWN_OFFLINE, ParameterValue, Unknown, display, isComposite, isRef, type Value } from '../value.js';
import { isSecretLikeName } from '../../secrets/index.js';
import { ACCESS_KEY_TYPE } from './secret-store-facts.js';

export type SecretReferenceKind = 'access-key-secret' | 'api-key' | 'no-echo-parameter' | 'secrets-manager' | 'ssm-secure' | 'ssm-parameter' | 'deploy-time-variable';

const API_KEY_TYPE = 'AWS::ApiGateway::ApiKey';

export interface SecretReference {
  kind: SecretReferenceKind;
  /** The reference as a person reads it: `${DeployKey.SecretAccessKey}`, `{{resolve:secretsmanager:prod/db}}` */
  text: string;
  /** Model id of the resource it reads, when the template defines it (the access key) */
  sourceId?: string;
}

/** `{{resolve:secretsmanager:…}}` or `{{resolve:ssm-secure:…}}`, up to its closing braces. */
const DYNAMIC_SECRET = /\{\{resolve:(secretsmanager|ssm-secure):[^}]*\}\}/;

/**
 * `${ssm:…}` / `${secretsmanager:…}` as the Serverless loader words their reason. Which `ssm`
 * parameters hold secrets the variable does not say: one decrypted (`~true`, Serverless v1/v2),
 * a Secrets Manager secret read through SSM (`/aws/reference/secretsmanager/…`), or one the caller
 * judges secret by the name it is given.
 */
const DEPLOY_VARIABLE = /^\$\{(ssm|secretsmanager)[^:]*:(.*)\} \(a value from /;

/**
 * A Terraform data source that reads a secret, used whole, as the Terraform loader words an
 * unknown: a part of it (`jsondecode(…)["username"]`) is another expression and not matched. Which
 * SSM parameters are SecureStrings the data source does not say: the caller's name decides.
 */
const TERRAFORM_SECRET_DATA = /^data\.(aws_secretsmanager_secret_version|aws_ssm_parameter)\.[\w-]+(?:\[[^\]]*\])?\.(?:secret_string|secret_binary|value)$/;

/**
 * The secret `value` brings in by reference, if any. `element` is where the value is written (its
 * stack's parameters decide NoEcho); `secretName` says whether the name it is given is a secret's,
 * which decides for Serverless `${ssm:…}` variables.
 */
export function secretReferenceIn(value: Value | undefined, element: ModelElement, index: ModelIndex, secretName: boolean): SecretReference | undefined {
  const parts: readonly unknown[] = isComposite(value) ? value.parts : [value];
  for (const part of parts) {
    const found = partReference(part, element, index, secretName);
    if (found) return found;
  }
  // A dynamic reference may be split across the parts of an `Fn::Join` or `Fn::Sub`.
  if (isComposite(value)) {
    const text = value.parts.map((p) => (typeof p === 'string' ? p : 'x')).join('');
    const m = DYNAMIC_SECRET.exec(text);
    if (m && holdsSecret(m[0])) return dynamicReference(m[1]!, display(value));
  }
  return undefined;
}

function partReference(part: unknown, element: ModelElement, index: ModelIndex, secretName: boolean): SecretReference | undefined {
  if (isRef(part)) {
    const type = index.resource(part.target)?.type;
    if (part.attribute === 'SecretAccessKey' && type === ACCESS_KEY_TYPE) return { kind: 'access-key-secret', text: part.toString(), sourceId: part.target };
    if (part.attribute === 'Value' && type === API_KEY_TYPE) return { kind: 'api-key', text: part.toString(), sourceId: part.target };
    return undefined;
  }
  if (part instanceof ParameterValue) return noEchoParameter(part, element, index.model) ? { kind: 'no-echo-parameter', text: `!Ref ${part.parameterName}` } : undefined;
  if (part instanceof Unknown) return deployVariable(part, secretName) ?? terraformSecretData(part, secretName);
  if (typeof part === 'string') {
    const m = DYNAMIC_SECRET.exec(part);
    return m && holdsSecret(m[0]) ? dynamicReference(m[1]!, m[0]) : undefined;
  }
  return undefined;
}

/**
 * A Secrets Manager reference that picks one JSON key (`…:SecretString:username}}`, `…::host}}`)
 * brings that key's value only: a database secret's `username`, `host` or `port` is not secret.
 */
function holdsSecret(reference: string): boolean {
  const key = /:SecretString:([^:}]*)/.exec(reference)?.[1] ?? /::([^:}]+)/.exec(reference)?.[1];
  return key === undefined || key === '' || isSecretLikeName(key);
}

function dynamicReference(store: string, text: string): SecretReference {
  return { kind: store === 'secretsmanager' ? 'secrets-manager' : 'ssm-secure', text };
}

function noEchoParameter(v: ParameterValue, element: ModelElement, model: AppModel): boolean {
  const stack = ModelIndex.of(model).stackOf(element);
  return stack?.parameters.some((p) => p.name === v.parameterName && p.noEcho) ?? false;
}

function deployVariable(v: Unknown, secretName: boolean): SecretReference | undefined {
  const m = DEPLOY_VARIABLE.exec(v.reason);
  if (!m) return undefined;
  const [, source, address] = m as unknown as [string, string, string];
  const text = `\${${source}:${address}}`;
  if (source === 'secretsmanager') return { kind: 'deploy-time-variable', text };
  const secure = /~true\s*$/.test(address) || address.includes('/aws/reference/secretsmanager/');
  return secure || secretName ? { kind: 'deploy-time-variable', text } : undefined;
}

function terraformSecretData(v: Unknown, secretName: boolean): SecretReference | undefined {
  if (!v.reason.endsWith(NOT_KNOWN_OFFLINE)) return undefined;
  const text = v.reason.slice(0, -NOT_KNOWN_OFFLINE.length);
  const source = TERRAFORM_SECRET_DATA.exec(text)?.[1];
  if (source === undefined) return undefined;
  if (source === 'aws_secretsmanager_secret_version') return { kind: 'secrets-manager', text };
  return secretName ? { kind: 'ssm-parameter', text } : undefined;
}
