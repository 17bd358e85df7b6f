/**
 * Terraform's AppSync GraphQL APIs are judged as their CloudFormation counterparts are: an API with
 * a `log_config` naming the logging role writes logs; one without does not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const MAIN_TF = `resource "aws_appsync_graphql_api" "logged" {
  name                = "logged"
  authentication_type = "AWS_IAM"
  log_config {
    cloudwatch_logs_role_arn = "arn:aws:iam::123456789012:role/appsync-logs"
    field_log_level          = "ERROR"
  }
}

resource "aws_appsync_graphql_api" "silent" {
  name                = "silent"
  authentication_type = "AWS_IAM"
}
`;

describe('Terraform GraphQL APIs', () => {
  it('reports only the API without a log_config', async () => {
    const result = await scan(project({ 'main.tf': MAIN_TF }), { noCache: true });
    const found = result.findings.filter((f) => f.ruleId === 'graphql-api-without-logs').map((f) => [f.location.file, f.location.line, f.subject?.logicalId]);
    assert.deepEqual(found, [['main.tf', 10, 'aws_appsync_graphql_api.silent']]);
  });
});
