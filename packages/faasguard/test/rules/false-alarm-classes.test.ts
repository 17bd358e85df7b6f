/**
 * Classes of findings that were false alarms on real projects: each fixture's `fail/` holds the
 * true positive next to its look-alike and must give exactly the expected findings (rule, file,
 * line, subject, severity); `pass/` holds only the look-alikes and must give none of the rule.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { FIXTURES } from '../helpers/paths.js';

interface Expected {
  file?: string;
  line: number;
  subject?: string;
  severity: string;
}

interface Case {
  /** Folder under test/fixtures/false-alarms */
  fixture: string;
  rule: string;
  fail: Expected[];
}

const CASES: Case[] = [
  {
    fixture: 'secrets-vendored',
    rule: 'secret-in-code',
    fail: [
      { file: 'dependencies/python/layer_config.py', line: 1, subject: 'Snapshot', severity: 'high' },
      { file: 'src/app.py', line: 3, subject: 'Snapshot', severity: 'high' },
    ],
  },
  {
    fixture: 'env-values',
    rule: 'env-plaintext-secret',
    fail: [
      { line: 14, subject: 'Notify', severity: 'high' },
      { line: 15, subject: 'Notify', severity: 'high' },
      { line: 16, subject: 'Notify', severity: 'high' },
    ],
  },
  {
    fixture: 'public-routes',
    rule: 'api-route-without-auth',
    fail: [
      { line: 10, subject: 'Users.Login', severity: 'info' },
      { line: 15, subject: 'Users.Refresh', severity: 'info' },
      { line: 20, subject: 'Users.Callback', severity: 'info' },
      { line: 25, subject: 'Users.Health', severity: 'info' },
      { line: 30, subject: 'Users.Tokens', severity: 'high' },
      { line: 35, subject: 'Users.LoginHistory', severity: 'high' },
      // A sign-up's confirmation beside /login is a sign-in step; an order's is not.
      { line: 40, subject: 'Users.Confirm', severity: 'info' },
      { line: 45, subject: 'Users.ConfirmOrder', severity: 'high' },
    ],
  },
  {
    fixture: 'machine-user-pool',
    rule: 'cognito-user-pool-without-mfa',
    fail: [
      { line: 3, subject: 'Pool', severity: 'medium' },
      { line: 22, subject: 'StaffPool', severity: 'medium' },
    ],
  },
  {
    fixture: 'pass-role-conditions',
    rule: 'iam-privilege-escalation',
    fail: [
      { line: 11, subject: 'DeployerRole', severity: 'critical' },
      { line: 34, subject: 'OrchestratorRole', severity: 'critical' },
      { line: 51, subject: 'TablesRole', severity: 'critical' },
    ],
  },
  {
    fixture: 'yarn-sha1',
    rule: 'dependency-missing-integrity',
    fail: [{ file: 'api/yarn.lock', line: 9, subject: 'Api', severity: 'low' }],
  },
  {
    fixture: 'deps-usage',
    rule: 'dependency-undeclared',
    fail: [
      { file: 'api/index.ts', line: 6, subject: 'Api', severity: 'low' },
      { file: 'api/index.ts', line: 7, subject: 'Api', severity: 'low' },
      { file: 'api/index.ts', line: 9, subject: 'Api', severity: 'low' },
      { file: 'bundled/app.ts', line: 2, subject: 'Bundled', severity: 'low' },
      { file: 'legacy/index.js', line: 2, subject: 'Legacy', severity: 'low' },
    ],
  },
  {
    fixture: 'deps-usage',
    rule: 'dependency-unused',
    fail: [
      { file: 'api/package.json', line: 6, subject: 'Api', severity: 'low' },
      { file: 'worker/requirements.txt', line: 4, subject: 'Worker', severity: 'low' },
    ],
  },
  {
    fixture: 'secret-store-parameter',
    rule: 'template-parameter-secret-default',
    fail: [{ line: 2, subject: 'BrokerPassword', severity: 'medium' }],
  },
  {
    fixture: 'trust-conditions',
    rule: 'iam-trust-any-principal',
    fail: [{ line: 14, subject: 'OrgRole', severity: 'critical' }],
  },
  {
    fixture: 'trust-conditions',
    rule: 'lambda-permission-public',
    fail: [{ line: 26, subject: 'OrgInvoke', severity: 'critical' }],
  },
  {
    fixture: 'sls-bundled',
    rule: 'dependency-undeclared',
    fail: [{ file: 'src/handler.ts', line: 1, subject: 'CreateLambdaFunction', severity: 'low' }],
  },
  {
    fixture: 'guest-telemetry',
    rule: 'cognito-identity-pool-guest-access',
    fail: [{ line: 39, subject: 'UploadPool', severity: 'high' }],
  },
];

function ruleById(id: string) {
  const rule = ALL_RULES.find((r) => r.meta.id === id);
  assert.ok(rule, `no rule ${id}`);
  return rule;
}

async function findingsOf(dir: string, rule: string) {
  const result = await scan(dir, { rules: [ruleById(rule)] });
  return result.findings
    .map((f) => ({ file: f.location.file, line: f.location.line, subject: f.subject?.logicalId, severity: f.severity }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

for (const c of CASES) {
  describe(`${c.rule}: ${c.fixture}`, () => {
    it('reports the true positives', async () => {
      const want = c.fail.map((e) => ({ file: e.file ?? 'template.yaml', line: e.line, subject: e.subject, severity: e.severity }));
      assert.deepEqual(await findingsOf(path.join(FIXTURES, 'false-alarms', c.fixture, 'fail'), c.rule), want);
    });

    it('is silent on the look-alikes', async () => {
      assert.deepEqual(await findingsOf(path.join(FIXTURES, 'false-alarms', c.fixture, 'pass'), c.rule), []);
    });
  });
}

describe('a managed policy whose iam:PassRole is limited by iam:PassedToService', () => {
  it('is described by the services it passes roles to, and creating service-linked roles is no IAM change', async () => {
    const dir = path.join(FIXTURES, 'false-alarms', 'managed-pass-role');
    const broad = await scan(dir, { rules: [ruleById('iam-broad-managed-policy')] });
    assert.equal(broad.findings.length, 1);
    assert.match(broad.findings[0]!.message, /can pass any role to application-autoscaling and dax,/);
    assert.doesNotMatch(broad.findings[0]!.message, /change any IAM role/);
    const escalation = await scan(dir, { rules: [ruleById('iam-privilege-escalation')] });
    assert.deepEqual(escalation.findings, []);
  });
});

describe('an AWS SDK the function runtime does not include', () => {
  it('is reported as missing at run time, not as an unlocked version', async () => {
    const result = await scan(path.join(FIXTURES, 'false-alarms', 'deps-usage', 'fail'), { rules: [ruleById('dependency-undeclared')] });
    const messages = result.findings.filter((f) => /'(aws-sdk|@aws-sdk\/client-s3)'/.test(f.message)).map((f) => f.message);
    assert.equal(messages.length, 2);
    for (const m of messages) assert.doesNotMatch(m, /so its deployed version is not locked/);
    // Api has a layer, whose packages may bring the SDK v2 in; Legacy has none.
    assert.match(messages.find((m) => m.includes("'aws-sdk'"))!, /the nodejs20\.x runtime does not include it .*: it loads only if one of the function's layers ships it/);
    assert.match(messages.find((m) => m.includes("'@aws-sdk/client-s3'"))!, /the nodejs16\.x runtime does not include it .*: the import fails at run time/);
  });
});

describe('a bucket policy that allows s3:* on object ARNs only', () => {
  it('says what object actions allow, not bucket policy changes', async () => {
    const dir = path.join(FIXTURES, 'rules', 'resource-policy-wildcard-action', 'fail');
    const result = await scan(dir, { rules: [ruleById('resource-policy-wildcard-action')] });
    const archive = result.findings.find((f) => f.subject?.logicalId === 'Archive');
    assert.ok(archive, 'no finding for the Archive bucket');
    assert.match(archive.message, /reading, overwriting and deleting every object and changing object ACLs included/);
    assert.doesNotMatch(archive.message, /bucket policy/);
  });
});
