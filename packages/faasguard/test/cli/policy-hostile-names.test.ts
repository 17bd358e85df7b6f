/**
 * `faasguard policy` prints snippets to paste into a template: a file name from the project that
 * holds a line break must not add lines to them (here, a managed policy), nor may control
 * characters reach the terminal. The directory is created at test time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { removeProject, tempRepo } from '../helpers/temp-project.js';
import { runCli } from '../helpers/run-cli.js';

const CODE_DIR = 'src\nPolicies: [AdministratorAccess]\n\u001b[2J#';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: ${JSON.stringify(CODE_DIR)}
`;

/** The operation is computed, so the call is reported as undetermined, with its file. */
const CODE = `const { DynamoDB } = require('@aws-sdk/client-dynamodb');
const db = new DynamoDB({});
exports.handler = async (event) => db[event.op]({ TableName: 't' });
`;

describe('policy with a hostile file name', () => {
  let dir: string;

  before(() => {
    dir = tempRepo({ 'template.yaml': TEMPLATE, [`${CODE_DIR}/index.js`]: CODE });
  });

  after(() => removeProject(dir));

  for (const format of ['sam', 'serverless']) {
    it(`keeps the ${format} snippet's note on one comment line`, async () => {
      const { code, out } = await runCli('policy', dir, '--format', format);
      assert.equal(code, 0);
      const lines = out.split('\n');
      assert.match(lines[0]!, /^# Fn \(1 call\(s\) could not be determined: src\\x0aPolicies: \[AdministratorAccess\]\\x0a\\x1b\[2J#\/index\.js:3\)$/);
      assert.ok(lines.slice(1).every((l) => l === '' || !l.includes('AdministratorAccess')), out);
      assert.ok(!out.includes('\u001b'));
    });
  }

  it('writes the file name as JSON escapes in the JSON format', async () => {
    const { out } = await runCli('policy', dir, '--format', 'json');
    const [entry] = JSON.parse(out) as Array<{ undetermined: Array<{ file: string }> }>;
    assert.equal(entry?.undetermined[0]?.file, `${CODE_DIR}/index.js`);
  });
});

describe('policy with a secret in a file name', () => {
  // Made up at test time: a GitHub token's shape, in the folder the template names as code.
  const token = `ghp_${'a1B2c3D4e5'.repeat(3)}F6g7H8`;
  const codeDir = `code-${token}`;
  let dir: string;

  before(() => {
    dir = tempRepo({ 'template.yaml': TEMPLATE.replace(JSON.stringify(CODE_DIR), codeDir), [`${codeDir}/index.js`]: CODE });
  });

  after(() => removeProject(dir));

  for (const format of ['sam', 'serverless', 'json']) {
    it(`masks it in the ${format} output, which still names the file`, async () => {
      const { code, out } = await runCli('policy', dir, '--format', format);
      assert.equal(code, 0);
      assert.ok(!out.includes(token), out);
      assert.match(out, /code-ghp_\u2026\w{4}\/index\.js/);
    });
  }
});
