/**
 * A scan that loads no template exits 2, and no report claims a clean result for it: "No findings."
 * is for a scan that checked something.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

function project(files: Record<string, string>): string {
  const dir = tempProject(files);
  made.push(dir);
  return dir;
}

const BROKEN = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q: {Type: AWS::SQS::Queue\n";
const CLEAN = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n";

describe('exit code and report agree', () => {
  it('a folder whose every template fails to load exits 2 and says nothing was scanned', async () => {
    const dir = project({ 'template.yaml': BROKEN });
    const { code, out, err } = await runCli('scan', dir, '--no-cache', '--quiet', '--no-config');
    assert.equal(code, 2);
    assert.doesNotMatch(out, /No findings/);
    assert.match(out, /^Nothing scanned: no template was loaded\.$/m);
    assert.match(out, /template\.yaml:\d+ YAML syntax error/, 'the syntax error is listed');
    assert.match(err, /no CloudFormation, SAM, Serverless Framework, CDK or Terraform template found/);
  });

  it('a folder with no template exits 2 and the Markdown report says nothing was scanned', async () => {
    const dir = project({ 'README.md': '# nothing here\n' });
    const { code, out } = await runCli('scan', dir, '--no-cache', '--quiet', '--no-config', '--format', 'markdown');
    assert.equal(code, 2);
    assert.match(out, /^## faasguard: nothing scanned: no template was loaded$/m);
    assert.doesNotMatch(out, /no findings/i);
  });

  it('a Jinja source alone is not a clean scan either', async () => {
    const { code, out } = await runCli('scan', path.join(FIXTURES, 'detect', 'cookiecutter'), '--no-cache', '--quiet', '--no-config');
    assert.equal(code, 2);
    assert.doesNotMatch(out, /No findings/);
    assert.match(out, /unrendered-template|render it first/);
  });

  it('a clean template still reads "No findings." and exits 0', async () => {
    const dir = project({ 'template.yaml': CLEAN });
    const { code, out } = await runCli('scan', dir, '--no-cache', '--quiet', '--no-config');
    assert.equal(code, 0, out);
    assert.match(out, /^No findings\.$/m);
  });
});
