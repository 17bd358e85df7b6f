/**
 * The HTML report at work, in a real browser (Debian's chromium through playwright-core): the
 * report of the example app draws its graph, filters, links the graph to the findings and opens
 * findings to their details, without a single network request; a hostile report runs nothing.
 *
 * Saves a screenshot to `test-artifacts/html-report.png`; with `FAASGUARD_UPDATE_SCREENSHOTS=1`
 * also to `docs/images/html-report.png`, the README's picture. Skipped without chromium, except
 * in CI (`CI` set), where that fails.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HtmlReportData } from '../../../src/report/html/report-data-types.js';
import { renderReport } from '../../../src/report/reporter.js';
import { findRule } from '../../../src/rules/index.js';
import { CHROMIUM, CHROMIUM_ARGS, PAGE_SETTLED, chromiumUnavailable } from '../../helpers/chromium.js';
import { PACKAGE_ROOT, REPO_ROOT } from '../../helpers/paths.js';
import { runCli } from '../../helpers/run-cli.js';
import { removeProject, tempProject } from '../../helpers/temp-project.js';
import { PAYLOAD, hostileScanResult } from '../../fixtures/report/hostile-scan-result.js';
import { embeddedData } from './embedded-data.js';

// Runtime deprecation depends on the scan date: pin it so that the findings do not change with the calendar.
process.env['FAASGUARD_NOW'] = '2026-11-23';

const ARTIFACT = path.join(PACKAGE_ROOT, 'test-artifacts', 'html-report.png');
const README_IMAGE = path.join(REPO_ROOT, 'docs', 'images', 'html-report.png');
const EXAMPLE = 'examples/order-app/vulnerable';
const T = 'template.yaml';
const EXPOSURE_COLOURS = { public: 'rgb(214, 39, 40)', authenticated: 'rgb(255, 127, 14)' };

/** A page of the report, with what it asked of the network and what went wrong in it. */
interface OpenedPage {
  page: Page;
  url: string;
  requests: string[];
  problems: string[];
}

/** The one browser global this file's in-page functions use: the program compiles without the DOM's types. */
declare const getComputedStyle: (element: unknown) => { stroke: string };

const unavailable = chromiumUnavailable();
if (unavailable) console.log(`# skipping the browser tests of the HTML report: ${unavailable}`);

describe('html report in a browser', { skip: unavailable }, () => {
  let browser: Browser;
  let dir: string;
  let report: string;
  let data: HtmlReportData;

  before(async () => {
    dir = tempProject({});
    report = path.join(dir, 'report.html');
    // From the repository root, so that the page names the example as a reader would type it.
    process.chdir(REPO_ROOT);
    const { code, err } = await runCli('scan', EXAMPLE, '--format', 'html', '--output', report, '--no-vuln-cache');
    assert.equal(code, 1, err);
    data = embeddedData(readFileSync(report, 'utf8'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    removeProject(dir);
  });

  async function open(file: string, viewport = { width: 1360, height: 900 }): Promise<OpenedPage> {
    const page = await (await browser.newContext({ viewport })).newPage();
    const url = pathToFileURL(file).href;
    const opened: OpenedPage = { page, url, requests: [], problems: [] };
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('pageerror', (e) => opened.problems.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? opened.problems.push(m.text()) : undefined));
    page.on('dialog', (d) => {
      opened.problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url);
    await page.waitForFunction(PAGE_SETTLED);
    assert.equal(await page.evaluate('document.documentElement.dataset.error'), undefined);
    return opened;
  }

  const rows = (page: Page) => page.locator('#findings-rows tr.finding');
  const ruleIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule') ?? ''));
  const functionNode = (page: Page, name: string) => page.locator('#graph-svg .node.kind-function', { has: page.locator('text.label', { hasText: new RegExp(`^${name}$`) }) });

  it('draws the attack surface: entry points → functions → what they reach, coloured by exposure', async () => {
    const { page, url, requests, problems } = await open(report);
    const labels = async (kind: string) => (await page.locator(`#graph-svg .node.kind-${kind} .label`).allTextContents()).sort();
    assert.deepEqual(await labels('function'), ['CreateOrderFunction', 'GetOrderFunction', 'PaymentWebhookFunction', 'ProcessUploadFunction']);
    assert.deepEqual(await labels('entry'), ['Function URL of PaymentWebhookFunction', 'GET /orders/{id} (OrdersApi)', 'POST /orders (OrdersApi)', 'anyone → UploadsBucket', 'permission PartnerInvokePermission']);
    assert.deepEqual(await labels('resource'), ['OrdersTable', 'UploadsBucket', 'every resource']);
    const edgeLabels = await page.locator('#graph-svg .edge-label').allTextContents();
    for (const label of ['anyone', 's3', 'no authorization', 'cognito authorizer CognitoAuth', 'HTTPS', 'lambda:InvokeFunction']) assert.ok(edgeLabels.includes(label), `an edge is labelled ${label}`);
    const stroke = (locator: ReturnType<Page['locator']>) => locator.locator('rect').evaluate((rect) => getComputedStyle(rect).stroke);
    assert.equal(await stroke(functionNode(page, 'ProcessUploadFunction')), EXPOSURE_COLOURS.public);
    assert.equal(await stroke(page.locator('#graph-svg .node.kind-entry', { hasText: 'POST /orders' })), EXPOSURE_COLOURS.authenticated);
    assert.deepEqual(requests, [url], 'the page loads nothing but itself');
    assert.deepEqual(problems, []);
  });

  it('filters the findings by severity and by category', async () => {
    const { page, problems } = await open(report);
    assert.equal(await rows(page).count(), data.findings.length);
    assert.equal(await page.locator('#findings-count').textContent(), `${data.findings.length} findings`);
    await page.click('.severity-toggle[data-severity="critical"]');
    assert.deepEqual(await ruleIds(page), ['command-injection', 'public-source-triggers-function', 'iam-wildcard-resource-write', 'lambda-permission-public']);
    await page.selectOption('#filter-category', 'SAS-2');
    assert.deepEqual(await ruleIds(page), ['public-source-triggers-function', 'lambda-permission-public']);
    assert.equal(await page.locator('#findings-count').textContent(), `2 of ${data.findings.length} findings match the filters`);
    await page.click('.severity-toggle[data-severity="critical"]');
    assert.deepEqual(await ruleIds(page), ['public-source-triggers-function', 'lambda-permission-public', 'api-route-without-auth', 'function-url-without-auth', 'cognito-user-pool-without-mfa']);
    await page.click('#filter-reset');
    assert.equal(await rows(page).count(), data.findings.length);
    assert.deepEqual(problems, []);
  });

  it('shows the findings of a function clicked in the graph, and all of them on a second click', async () => {
    const { page, problems } = await open(report);
    const node = functionNode(page, 'ProcessUploadFunction');
    await node.click();
    assert.equal(await page.locator('#function-filter-name').textContent(), 'function ProcessUploadFunction');
    assert.match((await node.getAttribute('class')) ?? '', /\bselected\b/);
    const shown = await ruleIds(page);
    for (const id of ['command-injection', 'public-source-triggers-function', 'env-plaintext-secret', 'iam-wildcard-resource-write', 'recursive-trigger-loop']) assert.ok(shown.includes(id), `${id} concerns ProcessUploadFunction`);
    for (const id of ['function-url-without-auth', 'api-route-without-auth', 'lambda-permission-public', 'cognito-user-pool-without-mfa']) assert.ok(!shown.includes(id), `${id} does not`);
    const fn = data.graph.nodes.findIndex((n) => n.id === `${T}/ProcessUploadFunction`);
    assert.equal(shown.length, data.findings.filter((f) => f.functions.includes(fn)).length);
    const tableCount = await page.locator(`#functions-rows tr[data-node="${fn}"] td.num`).textContent();
    assert.equal(Number(tableCount), shown.length, 'the function table counts the same findings');
    await node.click();
    assert.equal(await rows(page).count(), data.findings.length);
    assert.ok(await page.locator('#function-filter').isHidden());
    assert.deepEqual(problems, []);
  });

  it('opens a finding to its message, code, data flow and fix', async () => {
    const { page, problems } = await open(report);
    const finding = data.findings.find((f) => f.ruleId === 'command-injection');
    assert.ok(finding && finding.flow.length >= 2, 'the example has a command injection with its flow');
    await page.click('#findings-rows tr.finding[data-rule="command-injection"]');
    const details = page.locator('#findings-rows tr.finding-details');
    assert.equal(await details.count(), 1);
    assert.equal(await details.locator('.message').textContent(), finding.message);
    assert.match((await details.locator('pre.frame .line.marked').textContent()) ?? '', /^> 7 \| .*execSync/);
    const steps = await details.locator('.flow li').allTextContents();
    assert.deepEqual(steps, finding.flow.map((s) => `${s.location} ${s.message}`));
    const fix = (await details.locator('.fix').textContent()) ?? '';
    assert.ok(fix.includes('Run the program directly with an argument array (execFileSync('), fix);
    assert.ok(findRule('command-injection')?.meta.remediation.includes('(`execFileSync('), 'the fix is the rule remediation, code spans shown as code');
    assert.equal(await details.locator('.fix code').first().textContent(), "execFileSync('convert', [input, output])");
    await page.click('#findings-rows tr.finding[data-rule="command-injection"]');
    assert.equal(await details.count(), 0);
    assert.deepEqual(problems, []);
  });

  it('saves a screenshot of the report', async () => {
    const { page, problems } = await open(report, { width: 1360, height: 2050 });
    await page.click('#findings-rows tr.finding[data-rule="command-injection"]');
    const image = await page.screenshot();
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    writeFileSync(ARTIFACT, image);
    if (process.env['FAASGUARD_UPDATE_SCREENSHOTS'] === '1') {
      mkdirSync(path.dirname(README_IMAGE), { recursive: true });
      writeFileSync(README_IMAGE, image);
    }
    assert.deepEqual([...image.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.deepEqual(problems, []);
  });

  it('runs nothing from a hostile report, and shows its strings as text', async () => {
    const file = path.join(dir, 'hostile.html');
    writeFileSync(file, renderReport(hostileScanResult(), 'html', { color: false }));
    const { page, url, requests, problems } = await open(file);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 2);
    assert.equal(await page.locator('tr.finding[data-rule="samconfig-missing"] .message-line').textContent(), `Message ${PAYLOAD} "'\\ \\u2028 \\u2029 <!-- --> ]]> &amp;`);
    assert.ok(((await page.locator('#scan-info').textContent()) ?? '').startsWith(`app${PAYLOAD}`));
    assert.ok((await page.locator('#graph-svg .node.kind-resource .label').allTextContents()).some((t) => t.startsWith('Bucket</script><img src=x')));
    assert.deepEqual(requests, [url]);
    assert.equal(problems.length, 0, problems.join('\n'));
    // Even script that got into the page could not run: the policy allows only the page's own.
    await page.evaluate("document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.__pwned = 3' }))");
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.ok(problems.some((p) => p.includes('Content Security Policy')), 'the browser reports the blocked script');
  });
});
