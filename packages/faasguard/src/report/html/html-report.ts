/**
 * The HTML report (`--format html`): one self-contained file that opens in any browser without a
 * network, with the summary, the attack-surface graph and the findings table. See `page.ts` for
 * the page and its security, `report-data.ts` for what it shows, `client/` for how.
 */
import type { ScanResult } from '../../scan/scan-result.js';
import type { ReportOptions } from '../options.js';
import { scriptJson } from './embed-json.js';
import { page } from './page.js';
import { pageAssets } from './page-assets.js';
import { buildReportData } from './report-data.js';

export function renderHtml(result: ScanResult, options: ReportOptions): string {
  const data = buildReportData(result, options.redactLine ? { redactLine: options.redactLine } : {});
  return page({ title: `faasguard report: ${result.target}`, json: scriptJson(data), assets: pageAssets() });
}
