/**
 * Whether a Function URL with `AuthType: NONE` answers anyone. Since October 2025 Lambda lets a
 * caller through such a URL only when the function's resource policy grants everyone both
 * `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction` ("Control access to Lambda function URLs";
 * accounts given a temporary exception had until 1 November 2026); with the first alone, every
 * call gets 403. SAM's transform writes both for `FunctionUrlConfig: { AuthType: NONE }`; the
 * Serverless Framework is left public, since which grants it writes depends on its version. For
 * any other template, an `InvokeFunction` grant to `*` must be written there.
 */
import type { AppModel, FunctionUrl, InvokePermission, LambdaFunction } from '../app-model.js';
import { ModelIndex } from '../model-index.js';
import { display } from '../value.js';

/** `open`: anyone can call it; `one-grant-away`: NONE, but no grant of `lambda:InvokeFunction` to everyone is written; `signed`: AWS_IAM or unknown. */
export type UrlReach = 'open' | 'one-grant-away' | 'signed';

export function urlReach(fn: LambdaFunction, url: FunctionUrl, model: AppModel): UrlReach {
  if (url.authType !== 'NONE') return 'signed';
  if (url.grantedByFormat) return 'open';
  const index = ModelIndex.of(model);
  if (index.stackOf(fn)?.format === 'serverless') return 'open';
  return index.permissionsOf(fn).some(grantsEveryoneInvoke) ? 'open' : 'one-grant-away';
}

const INVOKE_ACTIONS = new Set(['lambda:InvokeFunction', 'lambda:*', '*']);

function grantsEveryoneInvoke(p: InvokePermission): boolean {
  return display(p.principal) === '*' && INVOKE_ACTIONS.has(display(p.action));
}
