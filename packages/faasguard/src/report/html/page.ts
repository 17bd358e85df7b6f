/**
 * The HTML page around the report's data: a fixed skeleton the client script fills in. Nothing
 * from the scanned project is written as markup: it travels as JSON in
 * `<script type="application/json">` and the script sets it as text. The one exception, the title,
 * is escaped.
 *
 * The Content-Security-Policy forbids every network access and allows only the page's own inline
 * script and style, by hash: even a string that escaped all of the above could not run code.
 */
import { createHash } from 'node:crypto';
import type { PageAssets } from './page-assets.js';
import { DATA_ELEMENT_ID } from './page-contract.js';

export interface PageParts {
  title: string;
  /** Script-safe JSON (see `scriptJson`) */
  json: string;
  assets: PageAssets;
}

export function page(parts: PageParts): string {
  const script = inlineable(parts.assets.script, 'script');
  const style = inlineable(parts.assets.style, 'style');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script, style)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${style}</style>
</head>
<body>
${BODY}
<script type="application/json" id="${DATA_ELEMENT_ID}">${parts.json}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** Nothing may reach the network; only this page's own script and style may run. */
function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** A bundle that could close its own element would break the page; the build never makes one. */
function inlineable(text: string, element: 'script' | 'style'): string {
  if (new RegExp(`</${element}|<!--`, 'i').test(text)) throw new Error(`the report's ${element} cannot be inlined: it holds </${element} or <!--`);
  return text;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The skeleton. Sections are filled by the client script (`client/main.ts`); ids and classes are
 * the contract between the two, and the browser test relies on them.
 */
const BODY = `<header class="top">
  <h1>faasguard report</h1>
  <p id="scan-info"></p>
</header>
<noscript><p class="noscript">This report is drawn by JavaScript, which is disabled. The same findings are in <code>faasguard scan --format markdown</code>.</p></noscript>
<main>
  <section id="summary" aria-labelledby="summary-title">
    <h2 id="summary-title">Summary</h2>
    <div class="summary-grid">
      <div class="card"><h3>Findings by severity</h3><div id="severity-counts" class="severity-counts"></div></div>
      <div class="card"><h3>Findings by risk category</h3><div id="category-counts" class="category-counts"></div></div>
      <div class="card"><h3>Functions by exposure</h3><div id="exposure-counts" class="exposure-counts"></div></div>
    </div>
  </section>
  <section id="attack-surface" aria-labelledby="graph-title">
    <h2 id="graph-title">Attack surface</h2>
    <p class="hint">Entry points → functions → what their roles can reach, coloured by who can use them. Click a function to see its findings; drag to pan, scroll to zoom.</p>
    <div class="graph-toolbar">
      <label id="graph-group-label" hidden>Showing <select id="graph-group"></select></label>
      <span class="spacer"></span>
      <div id="graph-legend" class="legend"></div>
      <button type="button" id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
      <button type="button" id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
      <button type="button" id="zoom-fit" title="Fit the graph">Fit</button>
    </div>
    <div id="graph" class="graph"><svg id="graph-svg" role="img" aria-label="Attack-surface graph"></svg></div>
  </section>
  <section id="functions" aria-labelledby="functions-title">
    <h2 id="functions-title">Functions</h2>
    <details id="functions-details">
      <summary id="functions-summary"></summary>
      <table class="functions-table">
        <thead><tr><th>Function</th><th>Exposure</th><th>Ways in</th><th class="num">Findings</th><th>Defined at</th></tr></thead>
        <tbody id="functions-rows"></tbody>
      </table>
    </details>
  </section>
  <section id="findings" aria-labelledby="findings-title">
    <h2 id="findings-title">Findings</h2>
    <div class="filters">
      <div id="severity-filter" class="severity-filter" role="group" aria-label="Severity"></div>
      <label>Category <select id="filter-category"></select></label>
      <label>Rule <select id="filter-rule"></select></label>
      <label>File <select id="filter-file"></select></label>
      <label class="search">Search <input id="filter-search" type="search" placeholder="message, rule, file…"></label>
      <span id="function-filter" class="chip" hidden><span id="function-filter-name"></span><button type="button" id="function-filter-clear" aria-label="Show the findings of every function">×</button></span>
      <button type="button" id="filter-reset">Reset filters</button>
    </div>
    <p id="findings-count" class="count" aria-live="polite"></p>
    <table class="findings-table">
      <thead><tr><th class="toggle"></th><th>Severity</th><th>Rule</th><th>Finding</th><th>Location</th><th>Category</th></tr></thead>
      <tbody id="findings-rows"></tbody>
    </table>
    <button type="button" id="findings-more" hidden></button>
  </section>
  <section id="diagnostics" aria-labelledby="diagnostics-title" hidden>
    <h2 id="diagnostics-title">Input problems</h2>
    <ul id="diagnostics-list"></ul>
  </section>
</main>`;
