/**
 * The example application end to end from its template: the vulnerable version's public bucket
 * sends object keys into `execSync`; the fixed version (execFileSync, an allow-listed basename)
 * is clean. Through the library, the CLI and SARIF `codeFlows`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { renderReport } from '../../src/report/reporter.js';
import type { SarifLog } from '../../src/report/sarif-types.js';
import { scan } from '../../src/scan/scan.js';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { multitoolProblems, requireMultitool, validateSarifSchema } from '../report/validators.js';

const VULNERABLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');
const FIXED = path.join(REPO_ROOT, 'examples/order-app/fixed');

describe('order-app example', () => {
  it('finds command injection from UploadsBucket object keys into execSync', async () => {
    const result = await scan(VULNERABLE);
    const found = result.findings.filter((f) => f.ruleId === 'command-injection');
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(f.severity, 'critical');
    assert.deepEqual([f.location.file, f.location.line], ['src/process-upload.js', 7]);
    assert.equal(f.subject?.logicalId, 'ProcessUploadFunction');
    assert.match(f.message, /^Object key of an S3 event from UploadsBucket \(writable by anyone\) reaches `execSync` at src\/process-upload\.js:7/);
    assert.deepEqual(f.flow?.map((s) => `${s.loc.file}:${s.loc.line}`), ['src/process-upload.js:5', 'src/process-upload.js:6', 'src/process-upload.js:6', 'src/process-upload.js:7']);
    assert.deepEqual(f.related.map((r) => r.message.split(':')[0]), ['step 1', 'step 2', 'step 3', 'step 4']);
  });

  it('reports no injection in the fixed version', async () => {
    const result = await scan(FIXED);
    assert.deepEqual(result.findings.filter((f) => f.category === 'SAS-1').map((f) => f.ruleId), []);
  });

  it('emits the flow as SARIF codeFlows that validate against the schema', async () => {
    const log = JSON.parse(renderReport(await scan(VULNERABLE), 'sarif', { color: false })) as SarifLog;
    assert.deepEqual(validateSarifSchema(log), []);
    const result = log.runs[0]!.results.find((r) => r.ruleId === 'command-injection');
    const locations = result?.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    assert.deepEqual(locations.map((l) => [l.location.physicalLocation.artifactLocation.uri, l.location.physicalLocation.region?.startLine]), [
      ['src/process-upload.js', 5],
      ['src/process-upload.js', 6],
      ['src/process-upload.js', 6],
      ['src/process-upload.js', 7],
    ]);
    assert.match(locations[3]?.location.message?.text ?? '', /reaches execSync/);
  });

  it('passes Sarif.Multitool validate with codeFlows', async (t) => {
    const bin = requireMultitool(t);
    if (bin === undefined) return;
    assert.deepEqual(multitoolProblems(bin, renderReport(await scan(VULNERABLE), 'sarif', { color: false })), []);
  });

  it('prints the finding from the command line', () => {
    // The exit code says findings were reported; the JSON is on stdout either way.
    const run = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/faasguard.js'), 'scan', VULNERABLE, '--format', 'json'], { encoding: 'utf8' });
    assert.notEqual(run.stdout, '');
    const report = JSON.parse(run.stdout) as { scanRoot: string; findings: Array<{ ruleId: string; location: { file: string; line: number } }> };
    // Paths start at the repository root; `scanRoot` is where the example stands under it.
    const file = path.posix.join(report.scanRoot, 'src/process-upload.js');
    assert.ok(report.findings.some((f) => f.ruleId === 'command-injection' && f.location.file === file && f.location.line === 7));
  });
});
