/**
 * Line breaks as the parsers count them: a lone CR ends a Python line (Python runs the code after
 * it, even after a comment), and CR, U+2028 and U+2029 end JavaScript lines. Findings and code
 * frames give the line the parser sees. The files are written at test time: their line breaks are
 * the point, and must not depend on how a checkout converts them.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { frameWindow } from '../../src/report/code-frame.js';
import { frameSources } from '../../src/report/frame-source.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { scan } from '../../src/scan/scan.js';
import { removeProject, tempProject, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

function template(runtime: string, handler: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: ${runtime}
      Handler: ${handler}
      CodeUri: src/
      Events:
        Get:
          Type: Api
          Properties:
            Path: /run
            Method: post
`;
}

async function scanProject(files: ProjectFiles): Promise<ScanResult> {
  const dir = tempProject(files);
  made.push(dir);
  return scan(dir);
}

/** The command injection found in `file`: its line, and the text the code frame marks there. */
function commandInjection(result: ScanResult, file: string): { line: number; marked: string } {
  const found = result.findings.filter((f) => f.ruleId === 'command-injection' && f.location.file === file);
  assert.equal(found.length, 1, JSON.stringify(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line])));
  const loc = found[0]!.location;
  const frame = frameWindow(frameSources((f) => result.readSource(f))(file), loc);
  const marked = frame?.lines.find((l) => l.number === frame.marked)?.text ?? '';
  return { line: loc.line, marked };
}

describe('line breaks as the parsers count them', () => {
  it('Python: the code after a lone CR in a comment runs, and is analyzed at its own line', async () => {
    const app = "import subprocess\n\ndef handler(event, context):\n    # run the report\r    subprocess.run(event['body'], shell=True)\n    return {'statusCode': 200}\n";
    const result = await scanProject({ 'template.yaml': template('python3.12', 'app.handler'), 'src/app.py': app });
    const { line, marked } = commandInjection(result, 'src/app.py');
    assert.equal(line, 5);
    assert.match(marked, /^\s*subprocess\.run\(event\['body'\], shell=True\)$/);
  });

  it('JavaScript: U+2028, U+2029 and a lone CR end lines for findings and code frames alike', async () => {
    const index = "const cp = require('child_process');\u2028// one\u2029// two\r// three\nexports.handler = async (event) => {\n  cp.exec(event.body);\n  return { statusCode: 200 };\n};\n";
    const result = await scanProject({ 'template.yaml': template('nodejs20.x', 'index.handler'), 'src/index.js': index });
    const { line, marked } = commandInjection(result, 'src/index.js');
    assert.equal(line, 6);
    assert.match(marked, /^\s*cp\.exec\(event\.body\);$/);
  });

  it('JavaScript: a suppression comment after U+2028 and U+2029 covers the line the parser sees', async () => {
    const index = "const cp = require('child_process');\u2028exports.handler = async (event) => {\u2029  cp.exec(event.body); // faasguard-ignore command-injection: the body is a report name checked upstream\n  return {};\n};\n";
    const result = await scanProject({ 'template.yaml': template('nodejs20.x', 'index.handler'), 'src/index.js': index });
    assert.deepEqual(result.findings.filter((f) => f.location.file === 'src/index.js').map((f) => f.ruleId), []);
    assert.deepEqual((result.suppressed ?? []).filter((f) => f.ruleId === 'command-injection').map((f) => f.location.line), [3]);
  });
});
