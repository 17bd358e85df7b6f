/**
 * `email-content-injection`'s words and places: the topic and who reads it, the SES sender, and
 * the subscription among the related locations; one finding for the subject and the body of one
 * message. Which data reaches the sink is `sink-target.test.ts`'s; which cases are reported is the
 * rule's fixtures'.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { emailContentInjection } from '../../src/rules/injection/email-content-injection.js';
import type { Finding } from '../../src/findings/finding.js';
import { FIXTURES } from '../helpers/paths.js';

const FIX =
  "Write what people read from the function's own text (an id and a link to the record), or check each field against what it must be first (a number, an id pattern; no links or line breaks), and escape what goes into an HTML body.";

describe('email-content-injection messages', () => {
  let findings: Finding[] = [];
  before(async () => {
    findings = (await scan(path.join(FIXTURES, 'rules', 'email-content-injection', 'fail'), { rules: [emailContentInjection] })).findings;
  });
  const of = (subject: string): Finding => {
    const found = findings.filter((f) => f.subject?.logicalId === subject);
    assert.equal(found.length, 1, `${subject}: ${found.length} findings`);
    return found[0]!;
  };

  it('names the topic and the address its e-mail subscription gives, once for subject and body', () => {
    const f = of('Approval');
    assert.equal(
      f.message,
      'Request body of an API request to POST /requests (open to anyone) is written into a message at src/approval.py:17 in Approval: ' +
        '`sns.publish` publishes it to `ApprovalTopic`, whose subscriptions deliver it to an e-mail address (approver@example.com), ' +
        'so whoever sends the data writes part of what the recipients read in a notification they subscribed to and expect: ' +
        `a link to a look-alike sign-in page, a forged request or instruction. ${FIX}`,
    );
    const subscription = f.related?.at(-1);
    assert.deepEqual([subscription?.message, subscription?.loc.file === 'template.yaml', subscription?.loc.line], ['an email subscription of ApprovalTopic', true, 34]);
  });

  it('says that SES sends from the app\'s own address', () => {
    assert.equal(
      of('ContactForm').message,
      'Request body of an API request to POST /contact (open to anyone) is written into a message at src/contact.js:13 in ContactForm: ' +
        '`SendEmailCommand` sends it by e-mail with SES, ' +
        "so whoever sends the data writes part of what the recipients read in a message from the app's own address: " +
        `a link to a look-alike sign-in page, a forged request or instruction. ${FIX}`,
    );
  });

  it('counts a phone subscribed by its own resource, for signed-in callers at low severity', () => {
    const f = of('Alerts');
    assert.equal(f.severity, 'low');
    assert.match(f.message, /\(any signed-in caller\).*`PublishCommand` publishes it to `AlertTopic`, whose subscriptions deliver it to a phone \(SMS\), so/);
    assert.deepEqual([f.related?.at(-1)?.message, f.related?.at(-1)?.loc.line], ['an SMS subscription of AlertTopic', 69]);
  });
});
