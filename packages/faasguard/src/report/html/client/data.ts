/**
 * The report's data, read from the JSON the page embeds (see `report-data-types.ts`).
 */
import { DATA_ELEMENT_ID } from '../page-contract.js';
import { HTML_DATA_VERSION, type HtmlReportData } from '../report-data-types.js';

export type * from '../report-data-types.js';
export type { Severity } from '../../../findings/finding.js';
export type { ExposureLevel } from '../../../analysis/exposure-types.js';

export function readData(): HtmlReportData {
  const text = document.getElementById(DATA_ELEMENT_ID)?.textContent ?? '';
  const data = JSON.parse(text) as HtmlReportData;
  if (data.version !== HTML_DATA_VERSION) throw new Error(`report data version ${String(data.version)}, expected ${HTML_DATA_VERSION}`);
  return data;
}
