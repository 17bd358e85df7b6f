/**
 * A secret written into a template must not come out of faasguard anywhere: not in any report
 * format, any map format, the baseline file or the scan cache on disk, and not in the code frame of
 * another line that repeats it. The secrets are made up here, at test time: a GitHub token (known
 * by its format wherever it is) and a password known only by the parameter it is the default of.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAP_FORMATS } from '../../src/map/render-map.js';
import { REPORT_FORMATS } from '../../src/report/options.js';
import { redact } from '../../src/secrets/index.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { runCli } from '../helpers/run-cli.js';

process.env['FAASGUARD_NOW'] = '2026-11-23';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  return Array.from({ length }, () => BASE62[randomInt(BASE62.length)]).join('');
}

const TOKEN = `ghp_${randomText(36)}`;
/** Mixed classes so that it passes as a password; nothing but its parameter's name makes it one. */
const PASSWORD = `Q7r${randomText(13)}`;

/** The password is a parameter default (line 6) and repeated in the function's metadata (line 10), in the code frame of the function's own line. */
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  DbPassword:
    Type: String
    Default: ${PASSWORD}
Resources:
  Fn:
    Metadata:
      Owner: ${PASSWORD}
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(event, context): return {}"
      Events:
        Api:
          Type: Api
          Properties:
            Path: /hooks/${TOKEN}/${PASSWORD}
            Method: post
      Environment:
        Variables:
          UPSTREAM: https://example.org/${TOKEN}
`;

function assertNoSecret(text: string, where: string): void {
  assert.ok(!text.includes(TOKEN), `${where} holds the token`);
  assert.ok(!text.includes(PASSWORD), `${where} holds the password`);
  assert.ok(!text.includes(TOKEN.slice(4, 24)), `${where} holds most of the token`);
}

describe('secrets in output', () => {
  let dir: string;
  let app: string;
  let cacheDir: string;
  let savedCacheDir: string | undefined;

  before(() => {
    dir = tempProject({ 'app/template.yaml': TEMPLATE });
    app = path.join(dir, 'app');
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-secret-cache-'));
    savedCacheDir = process.env['FAASGUARD_CACHE_DIR'];
    process.env['FAASGUARD_CACHE_DIR'] = cacheDir;
  });

  after(() => {
    if (savedCacheDir === undefined) delete process.env['FAASGUARD_CACHE_DIR'];
    else process.env['FAASGUARD_CACHE_DIR'] = savedCacheDir;
    removeProject(dir);
    removeProject(cacheDir);
  });

  for (const format of REPORT_FORMATS) {
    it(`leaves no secret in the ${format} report, showing the token's redaction instead`, async () => {
      const { out } = await runCli('scan', app, '--format', format, '--no-cache', '--no-color');
      assert.ok(out.includes('api-route-without-auth'), out.slice(0, 2000));
      assertNoSecret(out, format);
      // Markdown escapes the underscore.
      const shown = format === 'markdown' ? redact(TOKEN).replace('_', '\\_') : redact(TOKEN);
      assert.ok(out.includes(shown), `${format} report lacks ${shown}`);
    });
  }

  it('masks the password in the code frame of the line that repeats it, not only on its own line', async () => {
    const { out } = await runCli('scan', app, '--format', 'pretty', '--no-cache', '--no-color');
    const frameLine = out.split('\n').find((l) => /^\s+\d+ \| {7}Owner: /.test(l));
    assert.ok(frameLine, out);
    assert.ok(frameLine.includes(redact(PASSWORD)), frameLine);
    assertNoSecret(out, 'pretty');
  });

  for (const format of MAP_FORMATS) {
    it(`leaves no secret in the ${format} map`, async () => {
      const { code, out } = await runCli('map', app, '--format', format);
      assert.equal(code, 0);
      assertNoSecret(out, `map ${format}`);
      assert.ok(out.includes(redact(TOKEN)), out);
    });
  }

  it('keeps no secret in the baseline file, which still hides the same findings on the next scan', async () => {
    const file = path.join(dir, 'baseline.json');
    const written = await runCli('baseline', app, '--output', file, '--no-cache');
    assert.equal(written.code, 0);
    const text = fs.readFileSync(file, 'utf8');
    assertNoSecret(text, 'baseline');
    assert.ok(text.includes(redact(TOKEN)), text);
    const count = (JSON.parse(text) as { findings: unknown[] }).findings.length;
    assert.ok(count > 0);
    const { out } = await runCli('scan', app, '--format', 'json', '--no-cache', '--baseline', file);
    const report = JSON.parse(out) as { findings: unknown[]; diagnostics: Array<{ code: string; message: string }> };
    assert.equal(report.findings.length, 0);
    const note = report.diagnostics.find((d) => d.code === 'baseline-applied');
    assert.equal(note?.message, `baseline: ${count} known findings not reported; 0 baselined findings are gone`);
  });

  it('stores no secret in the scan cache, and a cached result shows none either', async () => {
    const first = await runCli('scan', app, '--format', 'pretty', '--no-color');
    const second = await runCli('scan', app, '--format', 'pretty', '--no-color');
    assert.equal(second.out, first.out);
    const scans = path.join(cacheDir, 'scans');
    const files = fs.readdirSync(scans);
    assert.equal(files.length, 1);
    const stored = fs.readFileSync(path.join(scans, files[0]!), 'utf8');
    assertNoSecret(stored, 'cache');
    assert.ok(stored.includes(redact(TOKEN)), 'the cache keeps the redacted findings');
    assertNoSecret(second.out, 'cached pretty report');
    const html = await runCli('scan', app, '--format', 'html');
    assertNoSecret(html.out, 'cached html report');
  });
});
