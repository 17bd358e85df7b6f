/**
 * `message-recipient-from-event`'s words: what choosing the recipients lets the sender do, by
 * service (SES: mail from the app's identity; SNS: texts to any number), and the fix.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { messageRecipientFromEvent } from '../../src/rules/injection/message-recipient-from-event.js';
import type { Finding } from '../../src/findings/finding.js';
import { FIXTURES } from '../helpers/paths.js';

const END =
  "each call is a message the account pays for and answers for. Send only to an address or number the app already holds (the signed-in user's verified one, a fixed team address), or verify it and limit how many messages each caller may send.";

describe('message-recipient-from-event messages', () => {
  let findings: Finding[] = [];
  before(async () => {
    findings = (await scan(path.join(FIXTURES, 'rules', 'message-recipient-from-event', 'fail'), { rules: [messageRecipientFromEvent] })).findings;
  });
  const messageOf = (subject: string): string => findings.find((f) => f.subject?.logicalId === subject)?.message ?? '';

  it('says that SES mails any address from the app\'s identity', () => {
    assert.equal(
      messageOf('Contact'),
      'Request body of an API request to POST /contact (open to anyone) chooses the recipients of `ses.send_email` at src/contact.py:13 in Contact: ' +
        "whoever sends it makes the app e-mail any address from its verified identity (spam and phishing from the app's domain, and the bounces and complaints for which SES pauses the account's sending); " +
        END,
    );
  });

  it('says that SNS texts any number, SMS pumping billed to the account', () => {
    assert.equal(
      messageOf('Otp'),
      'Request body of an API request to POST /otp (open to anyone) chooses the recipients of `PublishCommand` at src/otp.js:9 in Otp: ' +
        'whoever sends it makes the app text any number (SMS pumping: texts to premium numbers whose operators share the fees, billed to the account); ' +
        END,
    );
  });
});
