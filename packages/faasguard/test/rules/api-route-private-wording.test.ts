/**
 * `api-route-without-auth` on a private API says who reaches it: the VPCs and endpoints its resource
 * policy admits, or the VPCs whose endpoints reach it when there is no policy to narrow them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { samApiFunction } from '../helpers/sam-api-function.js';

const project = projectsRemovedAfterTests();

function template(policy: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Internal:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      EndpointConfiguration:
        Type: PRIVATE
${policy}${samApiFunction('Reader', 'Internal')}`;
}

const POLICY = `      Auth:
        ResourcePolicy:
          CustomStatements:
            - Effect: Allow
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*
              Condition:
                StringEquals:
                  aws:SourceVpce: vpce-0abc
`;

async function message(policy: string): Promise<string> {
  const result = await scan(project({ 'template.yaml': template(policy) }), { noCache: true, rules: [apiRouteWithoutAuth] });
  assert.equal(result.findings.length, 1);
  return result.findings[0]!.message;
}

describe('api-route-without-auth on a private API', () => {
  it('names the resource policy when one narrows the callers, the endpoints otherwise', async () => {
    assert.match(await message(POLICY), /\(a private API: anyone in the VPCs and behind the endpoints its resource policy admits\) can call it\./);
    assert.match(await message(''), /\(a private API: anyone in the VPCs whose endpoints reach it\) can call it\./);
  });
});
