/**
 * Terraform fixtures that carry their expectations inline (`# ruleid: …`, `# ok: …` above the line
 * judged): each folder below `fixtures/terraform/annotated/` is one root module, scanned with the
 * Terraform loader, and every annotated line of its `.tf` files is checked against the findings.
 * One folder per family of resources (REST APIs, event sources, buckets, identities and secrets).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { annotationMismatches, annotations } from '../helpers/annotations.js';
import { FIXTURES } from '../helpers/paths.js';

const ROOT = path.join(FIXTURES, 'terraform', 'annotated');

function tfFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tfFiles(dir, path.posix.join(rel, e.name)) : e.name.endsWith('.tf') ? [path.posix.join(rel, e.name)] : []))
    .sort();
}

for (const folder of fs.readdirSync(ROOT).sort()) {
  const dir = path.join(ROOT, folder);
  let result: ScanResult;

  describe(`annotated Terraform: ${folder}`, () => {
    before(async () => {
      result = await scan(dir, { terraform: true });
    });

    it('loads with no error or warning', () => {
      assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'note').map((d) => d.message), []);
    });

    for (const file of tfFiles(dir)) {
      it(file, () => {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        assert.ok(annotations(text).length > 0, 'the file carries annotations');
        const findings = result.findings.filter((f) => f.location.file === file).map((f) => ({ rule: f.ruleId, line: f.location.line }));
        assert.deepEqual(annotationMismatches(text, findings), []);
      });
    }
  });
}
