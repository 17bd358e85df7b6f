/**
 * Functions that share a code folder do not all run every file of it: a dependency-undeclared
 * finding names the functions whose handler reaches the import, with their runtimes only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Legacy:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: legacy.handler
      CodeUri: src/
  Modern:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: modern.handler
      CodeUri: src/
`;

describe('dependency-undeclared in a shared folder', () => {
  it('names only the function that runs the import, and only its runtime', async () => {
    const dir = tempProject({
      'template.yaml': TEMPLATE,
      'src/package.json': JSON.stringify({ name: 'shared', dependencies: {} }),
      'src/legacy.js': "const AWS = require('aws-sdk');\nexports.handler = async () => new AWS.S3().listBuckets().promise();\n",
      'src/modern.js': 'exports.handler = async () => ({ ok: true });\n',
    });
    try {
      const result = await scan(dir);
      const found = result.findings.filter((f) => f.ruleId === 'dependency-undeclared');
      assert.deepEqual(found.map((f) => `${f.location.file}:${f.location.line} ${f.subject?.logicalId}`), ['src/legacy.js:1 Legacy']);
      assert.match(found[0]!.message, /^The code of function Legacy imports 'aws-sdk', but aws-sdk is not declared in src\/package\.json, and the nodejs22\.x runtime does not include it/);
    } finally {
      removeProject(dir);
    }
  });
});
