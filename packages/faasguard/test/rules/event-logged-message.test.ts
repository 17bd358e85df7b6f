/**
 * A whole event logged is said as the trigger delivers it: the credentials of a request whose
 * callers must send them, the body and address of an open request (whose callers send none), a
 * Cognito trigger's user attributes, and a migrating user's password.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { eventLogged } from '../../src/rules/code/event-logged.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

describe('event-logged messages', () => {
  it('say what an open request and a user migration put in the logs', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'event-logged', 'fail'), { noCache: true, rules: [eventLogged] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.message.split(': ').slice(1).join(': ')]), [
      ['src/app.js', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
      ['src/migrate.py', "the user's attributes and password end up in the logs."],
    ]);
  });

  it('names tokens and cookies where callers must send them', async () => {
    const dir = project({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      FunctionUrlConfig:
        AuthType: AWS_IAM
`,
      'app.js': "exports.handler = async (event) => {\n  console.log(event);\n  return { statusCode: 204 };\n};\n",
    });
    const result = await scan(dir, { noCache: true, rules: [eventLogged] });
    assert.deepEqual(result.findings.map((f) => f.message), ['Orders logs its whole event at app.js:2: headers with tokens, cookies and personal data end up in the logs.']);
  });
});
