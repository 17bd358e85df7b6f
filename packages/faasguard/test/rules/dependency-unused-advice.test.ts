/**
 * `dependency-unused` tells to move a build or deploy tool (a Serverless plugin, TypeScript) to the
 * development dependencies, and to remove any other package nothing imports.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { dependencyUnused } from '../../src/rules/dependencies/dependency-unused.js';
import { isDeployTool } from '../../src/deps/deploy-tools.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

describe('dependency-unused advice', () => {
  it('says to move a Serverless plugin to devDependencies and to remove a runtime package', async () => {
    const dir = project({
      'serverless.yml': 'service: pipes\nprovider:\n  name: aws\n  runtime: nodejs20.x\nplugins:\n  - serverless-pipes\nfunctions:\n  api:\n    handler: handler.main\n',
      'package.json': JSON.stringify({ name: 'pipes', version: '1.0.0', dependencies: { 'serverless-pipes': '0.1.0', 'left-pad': '1.3.0' } }, null, 2),
      'handler.js': 'exports.main = async () => ({ statusCode: 200 });\n',
    });
    const result = await scan(dir, { noCache: true, rules: [dependencyUnused] });
    const advice = Object.fromEntries(result.findings.map((f) => [f.message.split(' ')[0], f.message.slice(f.message.lastIndexOf('surface. ') + 9)]));
    assert.deepEqual(advice, {
      'left-pad': 'Remove it.',
      'serverless-pipes': 'It builds, tests or deploys the function rather than running in it: move it to devDependencies.',
    });
  });

  it('knows the tools by name, not every package that starts alike', () => {
    assert.deepEqual(['serverless', 'serverless-offline', '@serverless/utils', 'typescript', '@types/node', 'esbuild', 'jest'].filter(isDeployTool).length, 7);
    // serverless-http wraps an app for Lambda: it runs in the function.
    assert.deepEqual(['serverless-http', 'serverless-mysql', 'express', 'typescript-json', 'esbuild-wasm-runtime'].filter(isDeployTool), []);
  });
});
