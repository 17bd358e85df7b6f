/**
 * iam-cross-service-admin judges the statements written for the application; the AWS managed
 * policies an identity also carries are iam-broad-managed-policy's, but the message names those
 * that give full access, so that the finding does not read as all the identity holds.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { iamCrossServiceAdmin } from '../../src/rules/privilege/iam-cross-service-admin.js';
import { FIXTURES } from '../helpers/paths.js';

describe('iam-cross-service-admin messages', () => {
  it('name the AWS managed policies that add full access, and only where there are some', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'iam-cross-service-admin', 'fail'), { noCache: true, rules: [iamCrossServiceAdmin] });
    const bySubject = new Map(result.findings.map((f) => [f.subject?.logicalId, f.message]));
    assert.match(bySubject.get('MailerRole') ?? '', /grants every action of ses and sns on every resource: .* Its AWS managed policy AmazonSQSFullAccess adds full access to sqs\. Grant only/);
    assert.doesNotMatch(bySubject.get('DataOpsRole') ?? '', /AWS managed/);
  });
});
