/**
 * A public REST API's resource policy that admits only some sources or times keeps anyone on the
 * internet from its open routes: API Gateway needs an explicit Allow and honours a Deny. The
 * exposure analysis, the route rule, the throttling rule and the public-function rules say so; a
 * policy that allows everyone, or denies only listed addresses, leaves the routes public.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { publicFunctionWithoutAlarm } from '../../src/rules/monitoring/public-function-without-alarm.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { samApiFunction } from '../helpers/sam-api-function.js';

const project = projectsRemovedAfterTests();

function template(statements: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        ResourcePolicy:
          CustomStatements:
${statements}${samApiFunction('Reader', 'Orders')}`;
}

const ALLOW = (condition: string): string => `            - Effect: Allow
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*${condition}
`;
const TIME_WINDOW = ALLOW(`
              Condition:
                DateGreaterThan:
                  aws:CurrentTime: "2022-09-01T00:00:00Z"
                DateLessThan:
                  aws:CurrentTime: "2022-09-30T23:59:59Z"`);
const DENY = (operator: string): string => `            - Effect: Deny
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*
              Condition:
                ${operator}:
                  aws:SourceIp: [203.0.113.0/24]
`;

async function exposureOf(statements: string): Promise<{ level: string; description: string }> {
  const app = await loadApp(project({ 'template.yaml': template(statements) }));
  const e = computeExposure(app.model).get('template.yaml/Reader')!;
  return { level: e.level, description: e.paths[0]!.description };
}

const RULES = [apiRouteWithoutAuth, apiWithoutThrottling, publicFunctionWithoutAlarm, publicRestApiWithoutWaf];

async function findings(statements: string): Promise<string[]> {
  const result = await scan(project({ 'template.yaml': template(statements) }), { noCache: true, rules: RULES });
  return result.findings.map((f) => `${f.ruleId} ${f.severity}: ${f.message}`).sort();
}

describe('a REST API resource policy in the exposure analysis', () => {
  it('holds an open route to the time window an Allow names, and names it', async () => {
    assert.deepEqual(await exposureOf(TIME_WINDOW), {
      level: 'account',
      description: 'anyone its resource policy admits (only between 2022-09-01T00:00:00Z and 2022-09-30T23:59:59Z) can call GET /items of Orders (no authorization), which invokes Reader',
    });
  });

  it('names a window open at one end, and no window where a statement also tests the source address', async () => {
    const after = ALLOW(`
              Condition:
                DateGreaterThan:
                  aws:CurrentTime: "2030-01-01T00:00:00Z"`);
    assert.match((await exposureOf(after)).description, /^anyone its resource policy admits \(only after 2030-01-01T00:00:00Z\) can call/);
    const both = ALLOW(`
              Condition:
                DateLessThan:
                  aws:CurrentTime: "2030-01-01T00:00:00Z"
                IpAddress:
                  aws:SourceIp: [203.0.113.0/24]`);
    assert.match((await exposureOf(both)).description, /^anyone its resource policy admits \(only from the source addresses or at the times it names\) can call/);
  });

  it('holds an open route to the addresses a Deny with NotIpAddress lists', async () => {
    assert.equal((await exposureOf(ALLOW('') + DENY('NotIpAddress'))).level, 'account');
    assert.match((await exposureOf(ALLOW('') + DENY('NotIpAddress'))).description, /^anyone its resource policy admits \(only from the source addresses it names\) can call/);
  });

  it('leaves the route public when the policy allows everyone, or denies only listed addresses', async () => {
    assert.equal((await exposureOf(ALLOW(''))).level, 'public');
    assert.equal((await exposureOf(ALLOW('') + DENY('IpAddress'))).level, 'public');
  });

  it('is said by the route, throttling and public-function rules', async () => {
    assert.deepEqual(await findings(TIME_WINDOW), [
      'api-route-without-auth medium: Route GET /items of API Orders invokes function Reader with no authorization: anyone who can reach the API (its resource policy admits calls only between 2022-09-01T00:00:00Z and 2022-09-30T23:59:59Z) can call it.',
      "api-without-throttling low: Stage prod of API Orders has no throttling and no usage plan limits its callers: anyone its resource policy admits (only between 2022-09-01T00:00:00Z and 2022-09-30T23:59:59Z) can send requests up to the account-wide quota, scaling the integrated function (and its bill) and starving the account's other APIs. Set stage rate and burst limits.",
    ]);
    const open = await findings(ALLOW(''));
    assert.deepEqual(open.map((f) => f.split(':')[0]), ['api-route-without-auth high', 'api-without-throttling medium', 'public-function-without-alarm low', 'public-rest-api-without-waf medium']);
  });
});

/** SAM's `Auth.ResourcePolicy` shorthand, as SAM writes it into the API's policy. */
function samTemplate(policy: string): string {
  return template('').replace(/ {10}CustomStatements:\n/, policy);
}

describe("SAM's resource policy shorthand in the exposure analysis", () => {
  const levelOf = async (policy: string): Promise<string> => {
    const app = await loadApp(project({ 'template.yaml': samTemplate(policy) }));
    return computeExposure(app.model).get('template.yaml/Reader')!.level;
  };

  it('holds an open route to an IP or VPC whitelist, or to whitelisted accounts', async () => {
    assert.equal(await levelOf('          IpRangeWhitelist: [203.0.113.0/24]\n'), 'account');
    assert.equal(await levelOf('          SourceVpcWhitelist: [vpce-0abc, vpc-0def]\n'), 'account');
    assert.equal(await levelOf("          AwsAccountWhitelist: ['123456789012']\n"), 'account');
  });

  it('leaves it public behind a blacklist', async () => {
    assert.equal(await levelOf('          IpRangeBlacklist: [203.0.113.0/24]\n'), 'public');
    assert.equal(await levelOf("          AwsAccountBlacklist: ['123456789012']\n"), 'public');
  });
});
