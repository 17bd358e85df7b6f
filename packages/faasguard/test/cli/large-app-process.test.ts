/**
 * A large app's scan runs in a child Node.js process with a larger young generation
 * (`bin/large-app-process.js`): which apps, with which flags, and the child's exit code, output and
 * signals passed on as if the command line had scanned in its own process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const MODULE = path.join(PACKAGE_ROOT, 'bin', 'large-app-process.js');
const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');

interface LargeAppProcess {
  childNodeArgs(argv: string[], options?: { env?: NodeJS.ProcessEnv; execArgv?: string[]; limit?: number }): string[] | undefined;
  runInChild(script: string, argv: string[], nodeArgs: string[]): Promise<number | undefined>;
  LARGE_APP_FILES: number;
  YOUNG_GENERATION_FLAG: string;
}
const large = createRequire(import.meta.url)(MODULE) as LargeAppProcess;

const project = projectsRemovedAfterTests();

describe('which scans run in a child', () => {
  const dir = project({ 'template.yaml': 'Resources: {}\n', 'src/a.js': '', 'src/b.js': '', 'node_modules/x/index.js': '', 'node_modules/x/y.js': '', '.git/HEAD': '' });

  it('those of a folder with at least the limit of files, node_modules and .git not counted', () => {
    assert.deepEqual(large.childNodeArgs(['scan', dir], { env: {}, execArgv: [], limit: 3 }), [large.YOUNG_GENERATION_FLAG]);
    assert.equal(large.childNodeArgs(['scan', dir], { env: {}, execArgv: [], limit: 4 }), undefined);
    assert.deepEqual(large.childNodeArgs(['scan', '-f', 'json', dir, '--no-cache'], { env: {}, execArgv: ['--enable-source-maps'], limit: 3 }), [large.YOUNG_GENERATION_FLAG, '--enable-source-maps']);
    assert.equal(large.childNodeArgs(['scan', path.join(dir, 'template.yaml')], { env: {}, execArgv: [], limit: 1 }), undefined);
  });

  it('reads at most as many folders as files it looks for: a tree of nearly empty folders is no large app', () => {
    const sparse: Record<string, string> = {};
    for (let i = 0; i < 20; i++) sparse[`part${i}/inner/file.js`] = '';
    const flat: Record<string, string> = {};
    for (let i = 0; i < 15; i++) flat[`file${i}.js`] = '';
    // 20 files in 41 folders: reading 15 folders finds 7 of them.
    assert.equal(large.childNodeArgs(['scan', project(sparse)], { env: {}, execArgv: [], limit: 15 }), undefined);
    assert.deepEqual(large.childNodeArgs(['scan', project(flat)], { env: {}, execArgv: [], limit: 15 }), [large.YOUNG_GENERATION_FLAG]);
  });

  it('not in the child itself, nor where the young generation is set already', () => {
    assert.equal(large.childNodeArgs(['scan', dir], { env: { FAASGUARD_SCAN_CHILD: '1' }, execArgv: [], limit: 3 }), undefined);
    assert.equal(large.childNodeArgs(['scan', dir], { env: {}, execArgv: ['--max-semi-space-size=64'], limit: 3 }), undefined);
    assert.equal(large.childNodeArgs(['scan', dir], { env: { NODE_OPTIONS: '--max-old-space-size=4096 --max-semi-space-size=8' }, execArgv: [], limit: 3 }), undefined);
  });
});

describe('the child', () => {
  it('gets the flags, the arguments and the mark, and its exit code is the result', async () => {
    const out = path.join(project({}), 'seen.json');
    const script = path.join(project({ 'child.js': `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ argv: process.argv.slice(2), execArgv: process.execArgv, mark: process.env.FAASGUARD_SCAN_CHILD }));\nprocess.exitCode = 3;\n` }), 'child.js');
    assert.equal(await large.runInChild(script, ['scan', 'app'], ['--max-semi-space-size=32']), 3);
    assert.deepEqual(JSON.parse(fs.readFileSync(out, 'utf8')), { argv: ['scan', 'app'], execArgv: ['--max-semi-space-size=32'], mark: '1' });
  });

  it('killed by a signal, ends the process that started it with the same signal', () => {
    const dir = project({ 'child.js': "process.kill(process.pid, 'SIGTERM');\nsetTimeout(() => {}, 5000);\n" });
    const driver = `require(${JSON.stringify(MODULE)}).runInChild(${JSON.stringify(path.join(dir, 'child.js'))}, [], []).then((code) => { console.log('still here', code); });\nsetTimeout(() => {}, 5000);\n`;
    const run = spawnSync(process.execPath, ['-e', driver], { encoding: 'utf8' });
    assert.equal(run.signal, 'SIGTERM');
    assert.equal(run.stdout, '');
  });
});

describe('the command line on a large app', () => {
  it('scans in a child and reports and exits as in its own process', () => {
    const files: Record<string, string> = {
      'template.yaml': 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n',
    };
    for (let i = 0; i < large.LARGE_APP_FILES; i++) files[`data/${Math.floor(i / 500)}/f${i}.txt`] = '';
    const dir = project(files);
    const usage = path.join(project({}), 'usage.json');
    const run = spawnSync(process.execPath, [BIN, 'scan', dir, '-f', 'json', '--no-cache', '-q'], { encoding: 'utf8', env: { ...process.env, FAASGUARD_USAGE_FILE: usage }, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { file: string } }> };
    assert.ok(report.findings.some((f) => f.ruleId === 'bucket-public-write' && f.location.file === 'template.yaml'), run.stdout.slice(0, 2000));
    // The process that scanned wrote its usage: not the one this test started.
    const scanner = JSON.parse(fs.readFileSync(usage, 'utf8')) as { pid: number };
    assert.notEqual(scanner.pid, run.pid);
  });
});
