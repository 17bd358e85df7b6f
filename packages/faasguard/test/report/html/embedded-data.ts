/**
 * Reads the data an HTML report embeds, as its page script does: the text of the one
 * `<script type="application/json">` element, parsed.
 */
import assert from 'node:assert/strict';
import { DATA_ELEMENT_ID } from '../../../src/report/html/page-contract.js';
import type { HtmlReportData } from '../../../src/report/html/report-data-types.js';

export function embeddedData(html: string): HtmlReportData {
  const open = `<script type="application/json" id="${DATA_ELEMENT_ID}">`;
  const start = html.indexOf(open);
  assert.ok(start >= 0, 'the page embeds its data');
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(start + open.length, end)) as HtmlReportData;
}
