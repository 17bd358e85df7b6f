/**
 * The YAML fast path changes nothing a user sees: the reports of the bundled example and of every
 * fixture, scanned as one tree, are byte for byte the same when YAML goes through the full parser
 * alone (the `yaml` document model, as before the fast path).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseWithDocumentModel } from '../../src/parse/yaml-template.js';
import { renderReport } from '../../src/report/reporter.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES, PACKAGE_ROOT } from '../helpers/paths.js';

const EXAMPLE = path.join(PACKAGE_ROOT, '..', '..', 'examples', 'order-app', 'vulnerable');

async function reports(dir: string, full: boolean): Promise<string[]> {
  const result = await scan(dir, full ? { parseYaml: (text, file) => parseWithDocumentModel(text, file) } : {});
  return (['json', 'sarif'] as const).map((format) => renderReport(result, format, { color: false }));
}

describe('reports with the YAML fast path', () => {
  for (const [name, dir] of [['the example app', EXAMPLE], ['every fixture, as one tree', FIXTURES]] as const) {
    it(`are byte-identical to the full parser's: ${name}`, async () => {
      const [fastJson, fastSarif] = await reports(dir, false);
      const [fullJson, fullSarif] = await reports(dir, true);
      assert.ok(JSON.parse(fastJson!).findings.length > 0);
      assert.equal(fastJson, fullJson);
      assert.equal(fastSarif, fullSarif);
    });
  }
});
