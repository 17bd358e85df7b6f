/**
 * Packages that a declared package needs its project to install beside it (npm
 * `peerDependencies`, or a Python library that expects the application to pick a driver), or
 * that it installs itself and projects pin beside it (boto3's botocore, requests' urllib3, as a
 * requirements file exported from a lock lists them): the project's code never
 * imports them, the declared package does, and declaring them adds no package: they are not
 * unused. Listed from each package's own manifest or documentation; `@scope/*` and `prefix-*`
 * globs allowed.
 */
import type { Ecosystem } from './types.js';
import { normalizePyName } from './lockfiles/common.js';

/** Host package → the packages it expects beside it. */
const PEERS: Record<Ecosystem, Readonly<Record<string, readonly string[]>>> = {
  npm: {
    // Powertools utilities take the AWS SDK clients they call as peers (parameters, idempotency...) and Middy as an optional peer.
    '@aws-lambda-powertools/*': ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb', '@middy/core', 'zod'],
    'aws-cdk-lib': ['constructs'],
    'amazon-qldb-driver-nodejs': ['@aws-sdk/client-qldb-session', 'ion-js', 'jsbi'],
    'aws-xray-sdk': ['aws-xray-sdk-core'],
    '@middy/*': ['@middy/core'],
    // The durable execution SDK calls Lambda's checkpoint API through the client it depends on.
    '@aws/durable-execution-sdk-js': ['@aws-sdk/client-lambda'],
  },
  PyPI: {
    'aws-lambda-powertools': ['pydantic', 'aws-xray-sdk', 'fastjsonschema', 'aws-encryption-sdk', 'jmespath', 'typing-extensions'],
    'aurora-dsql-python-connector': ['psycopg2', 'psycopg2-binary', 'psycopg', 'psycopg-binary', 'asyncpg', 'boto3', 'botocore'],
    // botocore's own requirements too: a project pins urllib3 beside boto3 for the runtime's OpenSSL.
    boto3: ['botocore', 's3transfer', 'jmespath', 'urllib3', 'python-dateutil', 'six'],
    botocore: ['urllib3', 'python-dateutil', 'jmespath', 'six'],
    requests: ['urllib3', 'idna', 'charset-normalizer', 'certifi'],
    pydantic: ['pydantic-core', 'typing-extensions', 'annotated-types'],
    'requests-aws4auth': ['requests'],
    'opensearch-py': ['requests'],
    'elasticsearch': ['requests'],
    // uvicorn serves the app when the Lambda Web Adapter runs it, by command, not by import.
    fastapi: ['pydantic', 'uvicorn'],
  },
};

function globMatches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** Whether `name` is a package some declared package expects beside it. */
export function isPeerOfDeclared(name: string, ecosystem: Ecosystem, declared: readonly string[]): boolean {
  const norm = ecosystem === 'PyPI' ? normalizePyName : (n: string) => n;
  const target = norm(name);
  return Object.entries(PEERS[ecosystem]).some(
    ([host, peers]) => peers.some((p) => globMatches(norm(p), target)) && declared.some((d) => d !== name && globMatches(norm(host), norm(d))),
  );
}
