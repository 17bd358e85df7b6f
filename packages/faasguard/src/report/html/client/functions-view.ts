/**
 * The exposure of each function, as a table: most exposed first. Clicking a function shows its
 * findings and brings it into the graph.
 */
import { EXPOSURE_ORDER } from '../../../analysis/exposure-types.js';
import type { HtmlFunction, HtmlReportData } from './data.js';
import { byId, h } from './dom.js';
import type { FilterStore } from './filter-state.js';

/** Small apps show the table open; large ones keep it folded under its summary line. */
const OPEN_UP_TO = 10;

export function renderFunctions(data: HtmlReportData, store: FilterStore, reveal: (node: number) => void): void {
  const counts = EXPOSURE_ORDER.map((level) => `${data.summary.exposure[level]} ${level}`).join(', ');
  byId('functions-summary').append(`${data.functions.length} function${data.functions.length === 1 ? '' : 's'}: ${counts}`);
  if (data.functions.length <= OPEN_UP_TO) byId('functions-details').setAttribute('open', '');
  const rank = (f: HtmlFunction) => EXPOSURE_ORDER.indexOf(f.exposure);
  const sorted = [...data.functions].sort((a, b) => rank(a) - rank(b) || b.findings - a.findings || a.node - b.node);
  const rows = sorted.map((fn) => row(fn, store, reveal));
  byId('functions-rows').append(...rows.map((r) => r.tr));
  store.subscribe((filters) => {
    for (const r of rows) r.tr.classList.toggle('selected', filters.fn === r.node);
  });
}

function row(fn: HtmlFunction, store: FilterStore, reveal: (node: number) => void): { tr: HTMLTableRowElement; node: number } {
  const name = h('button', { type: 'button', class: 'link', title: 'Show its findings and draw it in the graph' }, fn.name);
  name.addEventListener('click', () => {
    store.toggleFunction(fn.node);
    reveal(fn.node);
  });
  const more = fn.paths.length > 1 ? ` (+${fn.paths.length - 1} more)` : '';
  const tr = h(
    'tr',
    { 'data-node': fn.node },
    h('td', {}, name, fn.runtime ? h('span', { class: 'muted' }, ` ${fn.runtime}`) : undefined),
    h('td', {}, h('span', { class: `badge exposure-${fn.exposure}` }, fn.exposure)),
    h('td', { title: fn.paths.join('\n') }, fn.paths[0] ?? 'no way in found', more),
    h('td', { class: 'num' }, String(fn.findings)),
    h('td', { class: 'location' }, h('code', {}, fn.location)),
  );
  return { tr, node: fn.node };
}
