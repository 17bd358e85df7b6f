/**
 * Large apps: every function is analyzed however many there are, with the code trees let go of
 * between functions (`code-facts.ts`), and results do not depend on what was analyzed before.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ALL_RULES } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

const COUNT = 450; // above the number of trees and Python modules kept between functions

function app(runtime: 'python3.12' | 'nodejs20.x'): Record<string, string> {
  const files: Record<string, string> = {};
  const resources: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const python = runtime.startsWith('python');
    resources.push(`  F${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: ${runtime}\n      CodeUri: src/\n      Handler: f${i}.handler\n      FunctionUrlConfig:\n        AuthType: NONE\n`);
    files[`src/f${i}.${python ? 'py' : 'js'}`] = python
      ? `import subprocess\nfrom shared import clean\n\ndef handler(event, context):\n    return subprocess.check_output(clean(event['body']), shell=True)\n`
      : `const { clean } = require('./shared');\nexports.handler = async (event) => require('child_process').execSync(clean(event.body));\n`;
  }
  files['src/shared.py'] = 'def clean(text):\n    return text.strip()\n';
  files['src/shared.js'] = 'exports.clean = (text) => text.trim();\n';
  files['template.yaml'] = `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n${resources.join('')}`;
  return files;
}

async function injections(runtime: 'python3.12' | 'nodejs20.x'): Promise<string[]> {
  const dir = tempProject(app(runtime));
  dirs.push(dir);
  const result = await scan(dir, { rules: ALL_RULES.filter((r) => r.meta.id === 'command-injection') });
  return result.findings.map((f) => `${f.location.file}:${f.location.line}`);
}

describe('many functions', () => {
  it('analyzes every Python function of a large app', async () => {
    const found = await injections('python3.12');
    assert.equal(found.length, COUNT);
    assert.ok(found.includes('src/f0.py:5'));
    assert.ok(found.includes(`src/f${COUNT - 1}.py:5`));
  });

  it('analyzes every JavaScript function of a large app', async () => {
    const found = await injections('nodejs20.x');
    assert.equal(found.length, COUNT);
    assert.ok(found.includes(`src/f${COUNT - 1}.js:2`));
  });
});
