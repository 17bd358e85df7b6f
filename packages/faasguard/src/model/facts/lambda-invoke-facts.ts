/**
 * Typed views of the resources that open a function to callers — Function URLs
 * (AWS::Lambda::Url) and resource-based permissions (AWS::Lambda::Permission) — when the function
 * they open is not in the model (an ARN, a name, an import): they are judged from their own
 * properties, and name the function as written.
 */
import type { AppModel, InvokePermission, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import type { ModelIndex } from '../model-index.js';
import { display, type Value } from '../value.js';
import { elementName } from '../element-name.js';

export const FUNCTION_URL_TYPE = 'AWS::Lambda::Url';

/** A Function URL whose target function is outside the model. */
export interface OutsideFunctionUrl {
  resource: Resource;
  /** `TargetFunctionArn` as written */
  target: Value | undefined;
  /** `NONE` or `AWS_IAM` */
  authType: Value | undefined;
  /** Where AuthType is written (the resource when it is not) */
  loc: SourceLocation;
}

/** Function URLs of the model whose function the model does not have (the loader links the others to their function). */
export function urlsOfOutsideFunctions(model: AppModel): OutsideFunctionUrl[] {
  const linked = new Set(model.triggers.filter((t) => t.kind === 'function-url').map((t) => t.id));
  return model.resources
    .filter((r) => r.type === FUNCTION_URL_TYPE && !linked.has(r.id))
    .map((resource) => ({ resource, target: resource.properties['TargetFunctionArn'], authType: resource.properties['AuthType'], loc: resource.locate('AuthType') }));
}

/** How a message names the function a permission opens: its logical id, or the name or ARN as written. */
export function permittedFunctionText(p: InvokePermission, index: ModelIndex): string {
  const fn = index.function(p.functionId);
  if (fn) return elementName(fn);
  const written = index.resource(p.id)?.properties['FunctionName'];
  return written === undefined ? 'a function' : `function ${display(written)} (outside the template)`;
}

/** The function a permission opens, as written, for matching it with a URL of the same outside function. */
export function permittedFunctionAsWritten(p: InvokePermission, index: ModelIndex): string | undefined {
  const written = index.resource(p.id)?.properties['FunctionName'];
  return written === undefined ? undefined : display(written);
}

/** The actions a function's permission is meant for, compared as Lambda compares them (without regard to case). */
const INVOKE_ACTION = /^lambda:Invoke(Function|FunctionUrl|Async)$/i;

/** Whether the permission grants invoking the function and nothing else (false when the action is not known offline). */
export function grantsOnlyInvoke(p: InvokePermission): boolean {
  return typeof p.action === 'string' && INVOKE_ACTION.test(p.action.trim());
}

/** Whether an action name, as the IAM catalogue spells it (`lambda:InvokeFunction`), invokes a function. */
export function isInvokeAction(action: string): boolean {
  return INVOKE_ACTION.test(action);
}
