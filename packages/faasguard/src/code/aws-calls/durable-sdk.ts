/**
 * The durable execution SDKs of Lambda durable functions (`DurableConfig`): the handler they wrap
 * receives a durable context, and some of its methods call AWS with the execution role. Its
 * `invoke` runs another function (chained invocation) and needs `lambda:InvokeFunction` on it; its
 * checkpoints are the runtime's own (see `iam/platform-actions.ts`). Data: the packages, the
 * wrapper that makes a handler durable, and the context's methods that are AWS calls.
 */

/** The Python module and its decorator (`@durable_execution`), whose function's second parameter is the context. */
export const DURABLE_PYTHON_MODULE = 'aws_durable_execution_sdk_python';
export const DURABLE_PYTHON_DECORATOR = 'durable_execution';

/** The npm package and its wrapper (`withDurableExecution(async (event, context) => …)`). */
export const DURABLE_NPM_PACKAGE = '@aws/durable-execution-sdk-js';
export const DURABLE_NPM_WRAPPER = 'withDurableExecution';

/** The context's type, as parameters are annotated with it. */
export const DURABLE_CONTEXT_TYPE = 'DurableContext';

/** Methods of the durable context that call an AWS API, with the function they name. */
export const DURABLE_CONTEXT_CALLS: ReadonlyMap<string, { service: string; operation: string }> = new Map([['invoke', { service: 'lambda', operation: 'Invoke' }]]);
