/**
 * The benchmark's real-template part (`bench/corpus.ts`) on a small corpus: the in-process scan and
 * the command line, of the templates and of the whole corpus, each measured and printed. Times are
 * only checked to be measured; cdk-nag is left out (it is installed from npm on first use).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { corpusTable, runCorpus } from '../../bench/corpus.js';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/sam-app', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'faasguard-bench-corpus-test-'));
const savedTmp = process.env.TMPDIR;
after(() => {
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  rmSync(work, { recursive: true, force: true });
});

describe('benchmark on real templates', () => {
  it('measures the templates and the whole corpus in-process and from the command line', async () => {
    const corpus = path.join(work, 'corpus');
    cpSync(FIXTURE, path.join(corpus, 'app'), { recursive: true });
    // The templates' copies and lists go to the temporary directory: this test's own.
    process.env.TMPDIR = work;
    const r = await runCorpus(['--corpus', corpus, '--corpus-runs', '1', '--no-contender']);
    assert.ok(r);
    assert.equal(r.templates.count, 1);
    for (const m of [r.scanTemplates, r.commandLineTemplates, r.scanCorpus, r.commandLineCorpus]) assert.ok(Number.isFinite(m.wallMs) && m.wallMs > 0 && m.peakRssMb > 0, JSON.stringify(m));
    assert.ok(r.scanTemplates.count > 0, 'the in-process scan found something');
    assert.equal(r.contender, undefined);
    const table = corpusTable(r);
    assert.match(table, /first scan of those templates: [\d.]+ s wall .*; command line [\d.]+ s/);
    assert.match(table, /first scan of the whole corpus: [\d.]+ s wall, \d+ MB peak .*; command line [\d.]+ s, \d+ MB peak/);
  });
});
