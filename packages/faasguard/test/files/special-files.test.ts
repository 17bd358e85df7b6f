/**
 * A repository prepared to stop the scan: FIFOs and devices named like the files it reads, a stack
 * template linked to /dev/zero, an asset folder whose links loop, a file far larger than any
 * template. The scan reads regular files only, within a size cap, walks each real folder once, and
 * ends with a diagnostic for each such file while still reporting the rest. Everything hostile is
 * made at test time in a temporary folder.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readRegularBytes, readRegularBytesLent, readRegularText } from '../../src/files/read-regular-file.js';
import { loadApp } from '../../src/scan/scan.js';
import { fsCalls } from '../helpers/fs-calls.js';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { lineOf, tempProject, writeFiles, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(files: ProjectFiles): string {
  const dir = tempProject(files);
  made.push(dir);
  return dir;
}

function mkfifo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
}

/** A function on a runtime long deprecated: a finding every scan reports. */
const OLD_RUNTIME_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Old:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs12.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code:
        ZipFile: exports.handler = async () => 1;
`;

const SERVICE = `service: svc
provider:
  name: aws
  runtime: nodejs12.x
functions:
  probe:
    handler: h.main
    environment:
      FROM_FIFO: \${file(./vars.yml):value}
`;

interface JsonReport {
  findings: Array<{ ruleId: string; location: { file: string; line: number } }>;
  diagnostics: Array<{ code: string; severity: string; message: string; location?: { file: string; line: number }; file?: string }>;
}

function diagnosticFile(d: JsonReport['diagnostics'][number]): string | undefined {
  return d.location?.file ?? d.file;
}

describe('reading a file of the repository', () => {
  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const dir = project({});
    mkfifo(path.join(dir, 'template.yaml'));
    const read = readRegularText(path.join(dir, 'template.yaml'));
    assert.deepEqual(read, { kind: 'not-regular', type: 'FIFO (named pipe)' });
  });

  it('refuses a device instead of reading it until memory runs out', () => {
    assert.deepEqual(readRegularText('/dev/zero'), { kind: 'not-regular', type: 'character device' });
  });

  it('stops at the size cap and says how large the file is', () => {
    const dir = project({});
    const file = path.join(dir, 'big.yml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 3 * 1024 * 1024);
    assert.deepEqual(readRegularText(file, 1024 * 1024), { kind: 'too-large', size: 3 * 1024 * 1024, cap: 1024 * 1024 });
    assert.equal(readRegularText(file, 4 * 1024 * 1024).kind, 'text');
  });

  it('reads files of every size whole, up to the cap itself', () => {
    const dir = project({});
    for (const size of [0, 1, 4095, 8192, 65_536, 65_537, 200_000]) {
      const file = path.join(dir, `f${size}.txt`);
      const text = 'abcdefghij\n'.repeat(Math.ceil(size / 11)).slice(0, size);
      fs.writeFileSync(file, text);
      assert.deepEqual(readRegularText(file), { kind: 'text', text }, `${size} bytes`);
      assert.deepEqual(readRegularText(file, size), { kind: 'text', text }, `${size} bytes, cap ${size}`);
      if (size > 0) assert.equal(readRegularText(file, size - 1).kind, 'too-large', `${size} bytes, cap ${size - 1}`);
    }
  });

  it('lends each read the one buffer, large files their own, and every read has its file\'s bytes', () => {
    const dir = project({});
    // Larger, then smaller (the buffer keeps older bytes past the end), then past what is lent.
    for (const size of [200_000, 10, 0, 70_000, 16 * 1024 * 1024 + 5, 3]) {
      const file = path.join(dir, `l${size}.bin`);
      const bytes = Buffer.alloc(size, size % 251);
      if (size > 0) bytes[size - 1] = 7;
      fs.writeFileSync(file, bytes);
      const lent = readRegularBytesLent(file);
      assert.equal(lent.kind, 'bytes');
      assert.ok(lent.kind === 'bytes' && lent.bytes.equals(bytes), `${size} bytes, lent`);
      const own = readRegularBytes(file);
      assert.ok(own.kind === 'bytes' && own.bytes.equals(bytes), `${size} bytes, own`);
      assert.deepEqual(readRegularBytesLent(file, size + 1).kind, 'bytes');
      if (size > 0) assert.deepEqual(readRegularBytesLent(file, size - 1), { kind: 'too-large', size, cap: size - 1 });
    }
    const first = readRegularBytesLent(path.join(dir, 'l10.bin'));
    const second = readRegularBytesLent(path.join(dir, 'l3.bin'));
    assert.ok(first.kind === 'bytes' && second.kind === 'bytes' && first.bytes.buffer === second.bytes.buffer, 'one buffer lent to both');
  });

  it('reads a regular file in one read, and one that reports no size until a read gives nothing', () => {
    const dir = project({});
    const file = path.join(dir, 'one-read.txt');
    fs.writeFileSync(file, 'x'.repeat(1000));
    const reads = (abs: string): number => fsCalls('readSync', () => assert.equal(readRegularText(abs).kind, 'text')).length;
    assert.equal(reads(file), 1);
    fs.writeFileSync(file, '');
    assert.equal(reads(file), 1);
    assert.ok(reads('/proc/self/maps') >= 2);
  });

  it('reads a file that reports less than it holds (/proc), and still stops at the cap', () => {
    assert.equal(fs.statSync('/proc/self/maps').size, 0);
    const read = readRegularText('/proc/self/maps');
    assert.equal(read.kind, 'text');
    assert.match(read.kind === 'text' ? read.text : '', /\n.*\n/);
    assert.deepEqual(readRegularText('/proc/self/maps', 100), { kind: 'too-large', size: 101, cap: 100 });
  });
});

describe('a scan of a repository with special files', () => {
  it('reports a FIFO or an oversized file named by ${file()} at the variable, and keeps the rest of the service', async () => {
    const yml = SERVICE.replace('\n', '\n').concat('      FROM_BIG: ${file(./big.yml):value}\n      KEPT: ${file(./kept.yml):value}\n');
    const dir = project({ 'serverless.yml': yml, 'kept.yml': 'value: kept\n' });
    mkfifo(path.join(dir, 'vars.yml'));
    fs.writeFileSync(path.join(dir, 'big.yml'), '');
    fs.truncateSync(path.join(dir, 'big.yml'), 6 * 1024 * 1024);
    const app = await loadApp(dir);
    const fifo = app.diagnostics.find((d) => d.code === 'not-a-regular-file' && d.loc.file === 'serverless.yml');
    assert.ok(fifo, JSON.stringify(app.diagnostics));
    assert.equal(fifo.loc.line, lineOf(yml, 'FROM_FIFO'));
    assert.match(fifo.message, /file\(\.\/vars\.yml\).*FIFO/);
    const big = app.diagnostics.find((d) => d.code === 'file-too-large' && d.loc.file === 'serverless.yml');
    assert.ok(big, JSON.stringify(app.diagnostics));
    assert.equal(big.loc.line, lineOf(yml, 'FROM_BIG'));
    assert.ok(app.diagnostics.some((d) => d.code === 'not-a-regular-file' && d.loc.file === 'vars.yml' && d.loc.line === 0), 'discovery names the FIFO itself');
    assert.equal(app.model.functions[0]?.environment.find((e) => e.name === 'KEPT')?.value, 'kept');
  });

  it('walks an asset folder whose links loop once, and still maps its sources', async () => {
    const dir = project({
      'cdk.out/manifest.json': JSON.stringify({ version: '36.0.0', artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } } }),
      'cdk.out/App.template.json': JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { S3Bucket: 'b', S3Key: 'k' } }, Metadata: { 'aws:asset:path': 'asset.abc', 'aws:asset:property': 'Code' } } } }),
      'cdk.out/asset.abc/index.js': 'exports.handler = async () => 1;\n',
      'cdk.out/asset.abc/index.js.map': JSON.stringify({ version: 3, sources: ['../../src/handler.ts'], mappings: '' }),
      'src/handler.ts': 'export const handler = async () => 1;\n',
    });
    // Twenty links to `.` make 20^40 paths for a walk that does not notice it is going round.
    for (let i = 0; i < 20; i++) fs.symlinkSync('.', path.join(dir, `cdk.out/asset.abc/l${i}`));
    const app = await loadApp(dir);
    const fn = app.model.functions.find((f) => f.logicalId === 'Fn');
    assert.deepEqual(fn?.code.sourceFiles, ['src/handler.ts']);
  });

  it('ends with diagnostics, no stack trace and the other findings when the command line meets FIFOs, a template linked to /dev/zero and looping links', () => {
    const dir = project({
      'stack.yaml': OLD_RUNTIME_TEMPLATE,
      'svc/serverless.yml': SERVICE,
      'cdk.out/manifest.json': JSON.stringify({ version: '36.0.0', artifacts: { Zero: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Zero.template.json' } } } }),
    });
    const fifos = ['template.yaml', 'serverless.yml', '.env', 'package-lock.json', 'handler.js', '.gitignore', 'svc/vars.yml'];
    for (const f of fifos) mkfifo(path.join(dir, f));
    fs.symlinkSync('/dev/zero', path.join(dir, 'cdk.out/Zero.template.json'));
    writeFiles(dir, { 'assets/x/index.js': 'exports.handler = 1;\n' });
    fs.symlinkSync('.', path.join(dir, 'assets/x/a'));
    fs.symlinkSync('..', path.join(dir, 'assets/x/b'));
    const run = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/faasguard.js'), 'scan', dir, '--format', 'json', '--no-cache', '--quiet'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.error, undefined, 'the scan ends by itself');
    assert.notEqual(run.status, 134);
    // A file that cannot be read is an input error: the scan goes on, and exits 2 as incomplete.
    assert.equal(run.status, 2, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.match(run.stderr, /^faasguard: error svc\/serverless\.yml:9: file\(\.\/vars\.yml\): a FIFO .*\[not-a-regular-file\]$/m);
    const report = JSON.parse(run.stdout) as JsonReport;
    const special = new Set(report.diagnostics.filter((d) => d.code === 'not-a-regular-file').map(diagnosticFile));
    for (const f of fifos) assert.ok(special.has(f), `${f} is reported: ${JSON.stringify(report.diagnostics)}`);
    assert.ok(report.diagnostics.some((d) => d.code === 'path-outside-project' && diagnosticFile(d) === 'cdk.out/manifest.json'), JSON.stringify(report.diagnostics));
    const oldRuntime = report.findings.filter((f) => f.ruleId === 'runtime-deprecated').map((f) => f.location.file).sort();
    assert.deepEqual(oldRuntime, ['stack.yaml', 'svc/serverless.yml']);
  });
});
