/**
 * SAM connectors: the policies they put on a function's role (the source's, or the destination's
 * for a polled queue), the permissions they give a service to invoke a function, and what follows
 * for the rules: code using a connected resource is granted, code using an unconnected one is not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { computeBlastRadius } from '../../src/analysis/blast-radius.js';
import type { AppModel, IamRole } from '../../src/model/app-model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { display } from '../../src/model/value.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { lineOf } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'sam-connectors');
const TEMPLATE = readFileSync(path.join(DIR, 'template.yaml'), 'utf8');

let model: AppModel;
let diagnostics: Diagnostic[];

before(async () => {
  ({ model, diagnostics } = await loadApp(DIR));
});

function role(logicalId: string): IamRole {
  const r = model.roles.find((x) => x.logicalId === logicalId);
  assert.ok(r, `role ${logicalId}`);
  return r;
}

/** Each connector policy of a role: name, then each statement as `actions on resources`. */
function connectorPolicies(logicalId: string): Array<[string, string[]]> {
  return role(logicalId)
    .policies.filter((p) => p.kind === 'sam-connector')
    .map((p) => [p.name, (p.document?.statements ?? []).map((s) => `${s.actions.map(display).join(',')} on ${s.resources.map(display).join(',')}`)]);
}

describe('SAM connectors in the model', () => {
  it('puts the documented Read and Write statements on the source function\'s role, one policy per destination', () => {
    assert.deepEqual(connectorPolicies('WriterFunctionRole'), [
      ['WriterToAlertsPolicy', ['sns:Publish on ${Alerts}']],
      [
        'WriterFunctionOrdersConnPolicy',
        [
          'dynamodb:GetItem,dynamodb:Query,dynamodb:Scan,dynamodb:BatchGetItem,dynamodb:ConditionCheckItem,dynamodb:PartiQLSelect on ${Orders.Arn},${Orders.Arn}/index/*',
          'dynamodb:PutItem,dynamodb:UpdateItem,dynamodb:DeleteItem,dynamodb:BatchWriteItem,dynamodb:PartiQLDelete,dynamodb:PartiQLInsert,dynamodb:PartiQLUpdate on ${Orders.Arn},${Orders.Arn}/index/*',
        ],
      ],
      ['WriterFunctionStorageConnPolicyDestination0', ['s3:AbortMultipartUpload,s3:DeleteObject,s3:DeleteObjectVersion,s3:PutObject,s3:PutObjectLegalHold,s3:PutObjectRetention,s3:RestoreObject on ${Archive.Arn},${Archive.Arn}/*']],
      ['WriterFunctionStorageConnPolicyDestination1', ['sqs:DeleteMessage,sqs:SendMessage,sqs:ChangeMessageVisibility,sqs:PurgeQueue on ${Jobs.Arn}']],
    ]);
    assert.equal(role('WriterFunctionRole').policies.find((p) => p.name === 'WriterToAlertsPolicy')?.loc.line, lineOf(TEMPLATE, 'WriterToAlerts:'));
  });

  it('puts a polled queue\'s statements on the destination function\'s role, and names an external state machine by its Arn and Name', () => {
    const poller = connectorPolicies('PollerFunctionRole');
    assert.deepEqual(poller[0], ['JobsToPollerPolicy', ['sqs:ReceiveMessage,sqs:GetQueueAttributes on ${Jobs.Arn}', 'sqs:DeleteMessage on ${Jobs.Arn}']]);
    assert.equal(poller[1]?.[0], 'ExternalStateMachinePolicy');
    assert.equal(poller[1]?.[1][0], 'states:StartExecution,states:StartSyncExecution on arn:aws:states:us-east-1:123456789012:stateMachine:orders');
    assert.match(poller[1]?.[1][1] ?? '', /^states:StopExecution on arn:aws:states:.*:execution:orders:\*$/);
    assert.deepEqual(connectorPolicies('UnconnectedFunctionRole'), []);
  });

  it('lets SNS invoke the destination function, scoped to the topic', () => {
    const permissions = model.permissions.map((p) => [p.logicalId, p.functionId, display(p.principal), display(p.sourceArn), p.loc.line]);
    assert.deepEqual(permissions, [['AlertsToPollerWriteLambdaPermission', 'template.yaml/PollerFunction', 'sns.amazonaws.com', '${Alerts}', lineOf(TEMPLATE, 'AlertsToPoller:')]]);
  });

  it('reports a connection SAM does not define, once, at the connector', () => {
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.code, d.loc.line]), [['warning', 'unknown-connector', lineOf(TEMPLATE, 'NotAConnection:')]]);
  });

  it('counts connector grants in the blast radius', () => {
    const writer = computeBlastRadius(model).get('template.yaml/WriterFunction');
    const viaConnectors = (writer?.grants ?? []).filter((g) => g.policy.kind === 'sam-connector').flatMap((g) => g.resources.map((r) => r.id));
    assert.ok(viaConnectors.includes('template.yaml/Orders'));
    assert.ok(viaConnectors.includes('template.yaml/Archive'));
    assert.ok(viaConnectors.includes('template.yaml/Jobs'));
    assert.ok(viaConnectors.includes('template.yaml/Alerts'));
  });
});

describe('SAM connectors and iam-action-used-not-granted', () => {
  it('reports the calls of the unconnected function only', async () => {
    const rule = ALL_RULES.filter((r) => r.meta.id === 'iam-action-used-not-granted');
    const result = await scan(DIR, { rules: rule });
    const got = result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.subject?.logicalId]);
    const code = readFileSync(path.join(DIR, 'src/unconnected/app.py'), 'utf8');
    const at = (needle: string): number => lineOf(code, needle);
    assert.deepEqual(got, [
      ['iam-action-used-not-granted', 'src/unconnected/app.py', at('get_item'), 'UnconnectedFunction'],
      ['iam-action-used-not-granted', 'src/unconnected/app.py', at('put_item'), 'UnconnectedFunction'],
      ['iam-action-used-not-granted', 'src/unconnected/app.py', at('put_object'), 'UnconnectedFunction'],
      ['iam-action-used-not-granted', 'src/unconnected/app.py', at('send_message'), 'UnconnectedFunction'],
      ['iam-action-used-not-granted', 'src/unconnected/app.py', at('sns.publish'), 'UnconnectedFunction'],
    ]);
  });
});
