/**
 * Hostile and unusual code never breaks a scan: deep nesting, huge handlers, recursion, import
 * cycles, binary files and symbolic links out of the root are bounded or refused.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ALL_RULES } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { CODE_RULE_IDS } from './helpers.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

function template(handlers: string[]): string {
  const fns = handlers.map((h, i) => `  F${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      CodeUri: src/\n      Handler: ${h}\n      FunctionUrlConfig:\n        AuthType: NONE\n`);
  return `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n${fns.join('')}`;
}

async function scanProject(files: Record<string, string | Buffer>) {
  const dir = tempProject(files);
  dirs.push(dir);
  return { dir, result: await scan(dir, { rules: ALL_RULES.filter((r) => CODE_RULE_IDS.includes(r.meta.id)) }) };
}

describe('bounds', () => {
  it('survives deep nesting and very long handlers, saying the analysis was bounded', async () => {
    const deep = `exports.handler = async (event) => { const x = ${'event.body + '.repeat(3000)}'end'; require('child_process').execSync(x); };\n`;
    const long = `const { execSync } = require('child_process');\nexports.handler = async (event) => {\n${'  event.count = (event.count || 0) + 1;\n'.repeat(60_000)}  execSync(event.body);\n};\n`;
    const { result } = await scanProject({ 'template.yaml': template(['deep.handler', 'long.handler']), 'src/deep.js': deep, 'src/long.js': long });
    assert.ok(result.diagnostics.some((d) => d.code === 'code-analysis-bounded'));
    assert.ok(!result.diagnostics.some((d) => d.code === 'rule-failed'));
  });

  it('follows recursion and import cycles without looping', async () => {
    const files = {
      'template.yaml': template(['a.handler']),
      'src/a.js': "const { walk } = require('./b');\nexports.handler = async (event) => walk(event.body, 50);\nexports.helper = (x) => x;\n",
      'src/b.js': "const a = require('./a');\nconst { exec } = require('child_process');\nfunction walk(v, n) {\n  if (n > 0) return walk(a.helper(v), n - 1);\n  return exec(v);\n}\nmodule.exports = { walk };\n",
    };
    const { result } = await scanProject(files);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, `${f.location.file}:${f.location.line}`]), [['command-injection', 'src/b.js:5']]);
  });

  it('reports a binary or unparsable handler file and does not follow links out of the root', async () => {
    const outside = tempProject({ 'secret.js': "require('child_process').execSync(process.argv[2]);\n" });
    dirs.push(outside);
    const files = { 'template.yaml': template(['bin.handler', 'link.handler']), 'src/bin.js': Buffer.from([0, 1, 2, 255, 254, 0x7b, 0x28]) };
    const dir = tempProject(files);
    dirs.push(dir);
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(dir, 'src/link.js'));
    const result = await scan(dir, { rules: ALL_RULES.filter((r) => CODE_RULE_IDS.includes(r.meta.id)) });
    assert.deepEqual(result.findings, []);
    const codes = result.diagnostics.map((d) => `${d.code} ${d.loc.file}`);
    assert.ok(codes.includes('code-syntax src/bin.js'), codes.join('\n'));
    assert.ok(codes.includes('handler-not-found template.yaml'), codes.join('\n'));
  });
});
