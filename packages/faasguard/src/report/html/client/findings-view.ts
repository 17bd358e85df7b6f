/**
 * The findings table: the findings that pass the filters, a page at a time (a large app has
 * thousands; drawing them all would make every filter click slow). A row opens to its details.
 */
import type { HtmlFinding, HtmlReportData } from './data.js';
import { byId, h } from './dom.js';
import { matches, type FilterStore, type Filters } from './filter-state.js';
import { findingDetails } from './finding-details.js';

/** Rows drawn at once; "show more" adds as many. */
const PAGE_SIZE = 250;

export function renderFindings(data: HtmlReportData, store: FilterStore): void {
  const tbody = byId<HTMLTableSectionElement>('findings-rows');
  const more = byId<HTMLButtonElement>('findings-more');
  const opened = new Set<number>();
  let shown: number[] = [];
  let drawn = 0;

  const drawPage = (): void => {
    const next = shown.slice(drawn, drawn + PAGE_SIZE);
    for (const i of next) tbody.append(...rowsOf(i));
    drawn += next.length;
    const left = shown.length - drawn;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${left} not shown)`;
  };

  const rowsOf = (i: number): HTMLTableRowElement[] => {
    const f = data.findings[i]!;
    const tr = findingRow(f, i, opened.has(i));
    const toggle = (): void => {
      if (opened.has(i)) {
        opened.delete(i);
        if (tr.nextElementSibling?.classList.contains('finding-details')) tr.nextElementSibling.remove();
      } else {
        opened.add(i);
      }
      const fresh = rowsOf(i);
      tr.replaceWith(...fresh);
      fresh[0]?.querySelector<HTMLElement>('.toggle button')?.focus();
    };
    tr.addEventListener('click', toggle);
    if (!opened.has(i)) return [tr];
    return [tr, h('tr', { class: 'finding-details', 'data-index': i }, h('td', { colspan: 6 }, findingDetails(f, data)))];
  };

  const redraw = (filters: Filters): void => {
    tbody.replaceChildren();
    shown = data.findings.flatMap((f, i) => (matches(f, filters) ? [i] : []));
    drawn = 0;
    drawPage();
    byId('findings-count').textContent = countText(shown.length, data.findings.length);
  };

  more.addEventListener('click', drawPage);
  store.subscribe(redraw);
  redraw(store.filters);
}

function findingRow(f: HtmlFinding, i: number, open: boolean): HTMLTableRowElement {
  return h(
    'tr',
    { class: `finding sev-${f.severity}`, 'data-index': i, 'data-rule': f.ruleId },
    h('td', { class: 'toggle' }, h('button', { type: 'button', 'aria-expanded': String(open), 'aria-label': open ? 'Hide the details' : 'Show the details' }, open ? '▾' : '▸')),
    h('td', {}, h('span', { class: `badge sev-${f.severity}` }, f.severity)),
    h('td', {}, h('code', {}, f.ruleId)),
    h('td', { class: 'finding-text' }, h('strong', {}, f.title), h('span', { class: 'message-line' }, f.message)),
    h('td', { class: 'location' }, h('code', {}, f.location)),
    h('td', { title: f.category }, f.category),
  );
}

function countText(shown: number, total: number): string {
  if (total === 0) return 'No findings.';
  if (shown === total) return `${total} finding${total === 1 ? '' : 's'}`;
  return `${shown} of ${total} findings match the filters`;
}
