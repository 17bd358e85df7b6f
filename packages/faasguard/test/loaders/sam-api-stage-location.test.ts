/**
 * The stage SAM makes of an `AWS::Serverless::Api` or `HttpApi` is named by its `StageName`: the
 * stage's findings point there, not at whatever property the API lists first; an API without a
 * `StageName` (SAM's `Prod` or `$default`) keeps the API's properties as its place.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiStageWithoutAccessLogs } from '../../src/rules/monitoring/api-stage-without-access-logs.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Named:
    Type: AWS::Serverless::Api
    Properties:
      Name: orders
      EndpointConfiguration:
        Type: REGIONAL
      StageName: prod
  Unnamed:
    Type: AWS::Serverless::HttpApi
    Properties:
      Description: no stage name
      CorsConfiguration:
        AllowOrigins: ["https://example.com"]
`;

describe('SAM API stage location', () => {
  it('is the StageName line when one is written, the properties otherwise', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    const lines = result.findings.map((f) => [f.subject?.logicalId, f.location.line]);
    assert.deepEqual(lines, [
      ['Named', 9],
      ['Unnamed', 13],
    ]);
  });
});
