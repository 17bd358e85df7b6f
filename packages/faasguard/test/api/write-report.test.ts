/**
 * writeReportFile writes the text renderReport returns, in every format, in pieces.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { renderReport, scan, writeReportFile, REPORT_FORMATS } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

const EXAMPLE_VULNERABLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');

const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-write-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReportFile', () => {
  it('writes what renderReport returns, in every format', async () => {
    const result = await scan(EXAMPLE_VULNERABLE, { noCache: true });
    assert.ok(result.findings.length > 10);
    for (const format of REPORT_FORMATS) {
      const file = path.join(dir, `report.${format}`);
      writeReportFile(file, result, format, { color: false });
      assert.equal(readFileSync(file, 'utf8'), renderReport(result, format, { color: false }), format);
    }
  });
});
