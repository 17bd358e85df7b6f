/**
 * One small app written four ways (SAM, Serverless Framework, CDK synthesized with aws-cdk-lib,
 * Terraform): a public HTTP route without auth, a public-write bucket that triggers a function, a
 * Function URL with AuthType NONE, and a plaintext secret in an environment variable. The same
 * rule set must report the same risks on the same parts of the app, whatever the format. (The
 * fixture folder keeps the name it had before Terraform joined.)
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const FORMATS = ['sam', 'serverless', 'cdk', 'terraform'] as const;
const findings = new Map<string, Finding[]>();

/**
 * The part of the app a finding is about, whatever the format names it (`UploadBucket`,
 * `S3BucketThreewaysuploads`, `ThreeWays/UploadBucket/Resource`, `aws_api_gateway_method.list_orders` …).
 */
function roleOf(f: Finding): string {
  const name = (f.subject?.constructPath ?? f.subject?.logicalId ?? '').toLowerCase().replace(/_/g, '');
  if (name.includes('bucketnotificationshandler')) return 'cdk-notifications-handler';
  if (/bucket/.test(name)) return 'upload-bucket';
  if (/listorders|method|\/get\//.test(name)) return 'orders-route';
  if (/restapi|publicapi/.test(name)) return 'rest-api';
  if (/upload/.test(name)) return 'upload-function';
  if (/url/.test(name)) return 'url-function';
  if (/api/.test(name)) return 'api-function';
  return `other:${name}`;
}

/** What a format adds by its nature rather than by the app: CDK deploys a helper function for bucket notifications. */
function formatSpecific(f: Finding): boolean {
  return roleOf(f) === 'cdk-notifications-handler';
}

function pairs(format: string): string[] {
  const list = findings.get(format) ?? [];
  return [...new Set(list.filter((f) => !formatSpecific(f)).map((f) => `${f.ruleId} ${roleOf(f)}`))].sort();
}

before(async () => {
  for (const format of FORMATS) findings.set(format, (await scan(path.join(FIXTURES, 'three-ways', format), { terraform: format === 'terraform' })).findings);
});

describe('the same app in SAM, Serverless Framework, CDK and Terraform', () => {
  it('reports the four risks the app was written with, in every format', () => {
    for (const format of FORMATS) {
      const found = pairs(format);
      for (const expected of ['api-route-without-auth orders-route', 'public-source-triggers-function upload-bucket', 'function-url-without-auth url-function', 'env-plaintext-secret api-function']) {
        assert.ok(found.includes(expected), `${format}: ${expected}`);
      }
    }
  });

  it('reports the same findings on the same parts of the app', () => {
    assert.deepEqual(pairs('serverless'), pairs('sam'));
    assert.deepEqual(pairs('cdk'), pairs('sam'));
    assert.deepEqual(pairs('terraform'), pairs('sam'));
  });

  it('points every finding into the files of its own format', () => {
    const expected = { sam: /^template\.yaml$/, serverless: /^serverless\.yml$/, cdk: /^cdk\.out\/ThreeWays\.template\.json$/, terraform: /^main\.tf$/ };
    for (const format of FORMATS) {
      for (const f of findings.get(format) ?? []) assert.match(f.location.file, expected[format], `${format}: ${f.ruleId}`);
    }
  });
});
