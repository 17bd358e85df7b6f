/**
 * Packages that build or deploy a function rather than run in it: the Serverless Framework and its
 * plugins (named in `serverless.yml`'s `plugins`, loaded by the CLI at deploy time), compilers,
 * bundlers, test runners and linters. Declared as production dependencies, they are packaged with
 * the function and never imported by its code: the fix is to move them to development dependencies,
 * not to remove them, which would break the build or the deploy.
 */
const DEPLOY_TOOL = /^(serverless|serverless-[\w.-]+|@serverless\/[\w.-]+|typescript|esbuild|webpack|webpack-cli|ts-node|tsx|jest|ts-jest|mocha|vitest|eslint|prettier|@types\/[\w.-]+|aws-cdk|@aws-cdk\/[\w.-]+|cdk-nag)$/;

/** Libraries named like Serverless plugins that run inside the function. */
const RUNTIME_LIBRARIES = new Set(['serverless-http', 'serverless-express', 'serverless-mysql', 'serverless-postgres']);

/** Whether an npm package is a build, test or deploy tool (see above). */
export function isDeployTool(name: string): boolean {
  return DEPLOY_TOOL.test(name) && !RUNTIME_LIBRARIES.has(name);
}
