/**
 * How the HTML report of a large app behaves in a browser: generates the synthetic app, scans it,
 * renders `--format html`, then opens the page in Debian's chromium several times and reports
 * medians of
 * - load: from navigation to the page's ready mark (summary, table and first graph group drawn),
 * - filter: one severity-filter click until the next frame is drawn,
 * - group: switching the graph to another group (layout and drawing) until the next frame.
 *
 *   node dist/bench/html-load.js [--functions 1000] [--runs 5] [--seed 1]
 *
 * Results go to `bench/results/html-load-<timestamp>.json`. Without chromium it says so and stops.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { READY_MARK } from '../src/report/html/page-contract.js';
import { renderReport } from '../src/report/reporter.js';
import { scan } from '../src/scan/scan.js';
import { CHROMIUM, CHROMIUM_ARGS, PAGE_SETTLED } from '../test/helpers/chromium.js';
import { arg, median } from './figures.js';
import { generateApp } from './generate.js';

/** One page opening. */
interface LoadRun {
  loadMs: number;
  filterMs: number;
  groupMs: number;
}

interface HtmlLoadResult {
  functions: number;
  findings: number;
  groups: number;
  bytes: number;
  renderMs: number;
  loadMs: number;
  filterMs: number;
  groupMs: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** From `dist/bench/` to the package's `bench/results/` (git-ignored). */
const RESULTS = path.join(HERE, '..', '..', 'bench', 'results');

/**
 * Runs `action` in the page and resolves with the milliseconds until two frames later, so that
 * style, layout and paint count too. In-page code is text: this program has no DOM types.
 */
function timedInPage(action: string): string {
  return `(async () => {
    const start = performance.now();
    ${action}
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return performance.now() - start;
  })()`;
}

const CLICK_HIGH = "document.querySelector('.severity-toggle[data-severity=\"high\"]').click();";
const SWITCH_GROUP = `const select = document.querySelector('#graph-group');
    if (select.options.length > 1) {
      select.value = select.value === '0' ? '1' : '0';
      select.dispatchEvent(new Event('change'));
    }`;

/** Opens the page in a fresh context (nothing cached) and times it; see the module comment. */
async function openOnce(browser: Browser, url: string): Promise<LoadRun & { groups: number }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(PAGE_SETTLED, undefined, { timeout: 120_000 });
  const error = await page.evaluate<string | undefined>('document.documentElement.dataset.error');
  if (error !== undefined) throw new Error(`the report could not be drawn: ${error}`);
  const loadMs = await page.evaluate<number>(`performance.getEntriesByName(${JSON.stringify(READY_MARK)})[0].startTime`);
  const filterMs = await page.evaluate<number>(timedInPage(CLICK_HIGH));
  const groupMs = await page.evaluate<number>(timedInPage(SWITCH_GROUP));
  const groups = Math.max(1, await page.locator('#graph-group option').count());
  await context.close();
  return { loadMs, filterMs, groupMs, groups };
}

/** Scans the app in `dir`, renders its HTML report and opens it `runs` times. */
export async function measureHtmlLoad(dir: string, runs: number): Promise<HtmlLoadResult> {
  const result = await scan(dir, { noCache: true });
  const start = performance.now();
  const html = renderReport(result, 'html', { color: false });
  const renderMs = performance.now() - start;
  const out = mkdtempSync(path.join(os.tmpdir(), 'faasguard-html-load-'));
  const file = path.join(out, 'report.html');
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await openOnce(browser, pathToFileURL(file).href));
    return {
      functions: result.attackSurface().map.functions.length,
      findings: result.findings.length,
      groups: all[0]?.groups ?? 0,
      bytes: Buffer.byteLength(html),
      renderMs,
      loadMs: median(all.map((r) => r.loadMs)),
      filterMs: median(all.map((r) => r.filterMs)),
      groupMs: median(all.map((r) => r.groupMs)),
    };
  } finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(`html-load: ${CHROMIUM} is missing (apt-get install chromium); skipped`);
    return;
  }
  const functions = Number(arg(argv, '--functions') ?? 1000);
  const runs = Number(arg(argv, '--runs') ?? 5);
  const seed = Number(arg(argv, '--seed') ?? 1);
  const dir = path.join(os.tmpdir(), `faasguard-bench-html-${functions}-${seed}`);
  generateApp(dir, { functions, seed });
  const r = await measureHtmlLoad(dir, runs);
  const report = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs, seed, result: r };
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `html-load-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(
    `HTML report, ${r.functions} functions, ${r.findings} findings, ${r.groups} graph groups: ${(r.bytes / 1024 / 1024).toFixed(1)} MB, rendered in ${r.renderMs.toFixed(0)} ms; ` +
      `in chromium: ready ${r.loadMs.toFixed(0)} ms, filter click ${r.filterMs.toFixed(0)} ms, group switch ${r.groupMs.toFixed(0)} ms (medians of ${runs})`,
  );
  console.log(file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
