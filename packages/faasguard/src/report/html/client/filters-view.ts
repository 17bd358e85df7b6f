/**
 * The filter bar above the findings table: severity toggles, category, rule and file lists, a
 * search box, and the chip of the function chosen in the graph. Only values that occur in the
 * findings are offered, each with its count.
 */
import { SEVERITIES } from '../../../findings/finding.js';
import type { HtmlFinding, HtmlReportData, Severity } from './data.js';
import { byId, h } from './dom.js';
import type { FilterStore, Filters } from './filter-state.js';

export function renderFilters(data: HtmlReportData, store: FilterStore): void {
  const severityButtons = SEVERITIES.map((s) => severityToggle(s, data.summary.bySeverity[s], store));
  byId('severity-filter').append(...severityButtons);
  const category = fillSelect(byId<HTMLSelectElement>('filter-category'), 'every category', counted(data.findings, (f) => f.category), (c) => `${c} ${data.summary.byCategory.find((x) => x.category === c)?.title ?? ''}`);
  const rule = fillSelect(byId<HTMLSelectElement>('filter-rule'), 'every rule', counted(data.findings, (f) => f.ruleId));
  const file = fillSelect(byId<HTMLSelectElement>('filter-file'), 'every file', counted(data.findings, (f) => f.file));
  const search = byId<HTMLInputElement>('filter-search');
  category.addEventListener('change', () => store.update({ category: category.value }));
  rule.addEventListener('change', () => store.update({ rule: rule.value }));
  file.addEventListener('change', () => store.update({ file: file.value }));
  search.addEventListener('input', () => store.update({ search: search.value.trim() }));
  byId('function-filter-clear').addEventListener('click', () => store.update({ fn: undefined }));
  byId('filter-reset').addEventListener('click', () => store.reset());
  store.subscribe((filters) => {
    for (const b of severityButtons) b.setAttribute('aria-pressed', String(filters.severities.has(b.dataset['severity'] as Severity)));
    category.value = filters.category;
    rule.value = filters.rule;
    file.value = filters.file;
    if (search.value.trim() !== filters.search) search.value = filters.search;
    showFunctionChip(data, filters);
  });
}

/** Toggles add to or remove from the shown severities; none pressed shows them all. */
function severityToggle(severity: Severity, count: number, store: FilterStore): HTMLButtonElement {
  const button = h('button', { type: 'button', class: `severity-toggle sev-${severity}`, 'data-severity': severity, 'aria-pressed': 'false', disabled: count === 0 }, `${severity} `, h('span', { class: 'n' }, String(count)));
  button.addEventListener('click', () => {
    const next = new Set(store.filters.severities);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    store.update({ severities: next });
  });
  return button;
}

/** Values in first-seen order of the sorted findings would wander; sorted by value they stay put. */
function counted(findings: readonly HtmlFinding[], key: (f: HtmlFinding) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function fillSelect(select: HTMLSelectElement, all: string, values: Array<[string, number]>, label: (v: string) => string = (v) => v): HTMLSelectElement {
  select.append(h('option', { value: '' }, all), ...values.map(([v, n]) => h('option', { value: v }, `${label(v)} (${n})`)));
  return select;
}

function showFunctionChip(data: HtmlReportData, filters: Filters): void {
  const chip = byId('function-filter');
  chip.hidden = filters.fn === undefined;
  const name = filters.fn === undefined ? '' : data.graph.nodes[filters.fn]?.label ?? '';
  byId('function-filter-name').textContent = `function ${name}`;
}
