/**
 * The report page's script: reads the embedded data, draws every section, and marks the page
 * ready (`READY_MARK`) for the browser test and the load-time benchmark.
 */
import { READY_MARK } from '../page-contract.js';
import { readData, type HtmlReportData } from './data.js';
import { byId, h } from './dom.js';
import { FilterStore } from './filter-state.js';
import { renderFilters } from './filters-view.js';
import { renderFindings } from './findings-view.js';
import { renderFunctions } from './functions-view.js';
import { GraphView } from './graph-view.js';
import { renderSummary } from './summary-view.js';

function start(): void {
  const data = readData();
  const store = new FilterStore();
  renderSummary(data, store);
  const graph = new GraphView(data, store);
  renderFunctions(data, store, (node) => graph.reveal(node));
  renderFilters(data, store);
  renderFindings(data, store);
  renderDiagnostics(data);
  graph.showGroup(graph.initialGroup());
}

function renderDiagnostics(data: HtmlReportData): void {
  if (data.diagnostics.length === 0) return;
  byId('diagnostics').hidden = false;
  byId('diagnostics-list').append(...data.diagnostics.map((d) => h('li', { class: `diagnostic ${d.severity}` }, h('span', { class: 'badge' }, d.severity), ' ', h('code', {}, d.location), ` ${d.message} `, h('span', { class: 'muted' }, `(${d.code})`))));
}

try {
  start();
  performance.mark(READY_MARK);
  document.documentElement.dataset['ready'] = 'true';
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  document.documentElement.dataset['error'] = message;
  document.body.prepend(h('p', { class: 'load-error' }, `The report could not be drawn: ${message}`));
}
