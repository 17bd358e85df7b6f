/**
 * Packages that call AWS for the code (object mappers, parameter and secret loaders, middlewares):
 * their calls happen inside the package, which the scan does not read, so a file importing one
 * makes calls the scan cannot list.
 */

/** npm packages (and their subpaths) that make AWS calls of their own. */
const NPM_WRAPPERS = [
  'dynamoose', 'dynamodb-toolbox', 'electrodb', '@aws/dynamodb-data-mapper', 'dynogels', 'vogels', 'serverless-dynamodb-client',
  '@aws-lambda-powertools/parameters', '@aws-lambda-powertools/idempotency',
  '@middy/ssm', '@middy/secrets-manager', '@middy/s3', '@middy/dynamodb', '@middy/sts', '@middy/rds-signer', '@middy/appconfig',
  '@middy/service-discovery', '@middy/s3-object-response', 'multer-s3', 's3-zip',
  // Sends every statement through QLDB's SendCommand, with PartiQL permissions the query text decides.
  'amazon-qldb-driver-nodejs',
  // Database sign-in tokens, used with `dsql:DbConnect*` or `rds-db:connect` when the database checks them.
  '@aws-sdk/dsql-signer', '@aws-sdk/rds-signer',
  // Sign a request with the function's credentials for any AWS API (an AppSync GraphQL call, an API
  // with IAM authorization, an OpenSearch domain): the action is in the request, not a client's method.
  '@aws-sdk/signature-v4', '@smithy/signature-v4', 'aws4', 'aws4fetch',
];

/** Python modules (and their submodules) that make AWS calls of their own. */
const PYTHON_WRAPPERS = [
  'aws_lambda_powertools.utilities.parameters', 'aws_lambda_powertools.utilities.idempotency', 'aws_lambda_powertools.utilities.feature_flags',
  'awswrangler', 'pynamodb', 's3fs', 'smart_open', 'pyqldb',
  // AWS's secret cache (DescribeSecret, GetSecretValue) and Aurora DSQL's connector (a sign-in token used with `dsql:DbConnect*`).
  'aws_secretsmanager_caching', 'aurora_dsql_psycopg2',
  // Request signers, as above.
  'botocore.auth', 'requests_aws4auth', 'aws_requests_auth',
];

/** What every import of the SDK or of a wrapper package spells: a file holding none of them imports neither. */
export const NPM_SDK_WORDS: readonly string[] = ['aws-sdk', ...NPM_WRAPPERS];

/** Whether Python source may import a wrapper: it names the top-level package of one. */
export function mayImportPythonWrapper(text: string): boolean {
  return PYTHON_WRAPPER_PACKAGE.test(text);
}

const PYTHON_WRAPPER_PACKAGE = new RegExp(`\\b(${[...new Set(PYTHON_WRAPPERS.map((w) => w.split('.')[0]!))].join('|')})\\b`);

/** The wrapper an npm import names, if any. */
export function npmWrapper(specifier: string): string | undefined {
  return NPM_WRAPPERS.find((w) => specifier === w || specifier.startsWith(`${w}/`));
}

/** The wrapper a Python import names (`from aws_lambda_powertools.utilities import parameters` names the submodule). */
export function pythonWrapper(module: string, names: readonly string[]): string | undefined {
  const candidates = [module, ...names.map((n) => `${module}.${n}`)];
  return PYTHON_WRAPPERS.find((w) => candidates.some((c) => c === w || c.startsWith(`${w}.`)));
}
