/**
 * `bucket-trigger-without-public-access-block` speaks as the bucket's source does: a template's
 * `PublicAccessBlockConfiguration`, its settings and its stack, or Terraform's
 * `aws_s3_bucket_public_access_block`, its arguments and Terraform's state.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { bucketTriggerWithoutPublicAccessBlock } from '../../src/rules/config/bucket-trigger-without-public-access-block.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

describe('bucket-trigger-without-public-access-block wording', () => {
  it('names the Terraform resource, its arguments and the state for Terraform buckets, the template words for a template', async () => {
    const dir = project({
      'infra/main.tf': `resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}

resource "aws_s3_bucket" "open" {
  bucket = "open"
}

resource "aws_s3_bucket_public_access_block" "open" {
  bucket                  = aws_s3_bucket.open.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}
`,
      'stack/template.yaml': 'Resources:\n  Plain:\n    Type: AWS::S3::Bucket\n',
    });
    const result = await scan(dir, { noCache: true, rules: [bucketTriggerWithoutPublicAccessBlock] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.message]).sort(), [
      ['infra/main.tf', 'Bucket aws_s3_bucket.open: its public access block leaves block_public_policy, restrict_public_buckets off, so one public ACL or policy statement would expose it to everyone on the internet. Set all four Block Public Access settings to true.'],
      ['infra/main.tf', "Bucket aws_s3_bucket.plain has no aws_s3_bucket_public_access_block: S3 turns all four settings on for a bucket created since April 2023, but a bucket older than that, or one imported into Terraform's state, keeps what it had, and the configuration does not say which. Set all four Block Public Access settings to true."],
      ['stack/template.yaml', 'Bucket Plain has no PublicAccessBlockConfiguration: S3 turns all four settings on for a bucket created since April 2023, but a bucket older than that, or one imported into the stack, keeps what it had, and the template does not say which. Set all four Block Public Access settings to true.'],
    ]);
  });
});
