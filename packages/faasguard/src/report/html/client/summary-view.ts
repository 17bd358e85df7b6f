/**
 * The summary: what was scanned, findings by severity and by category (each a filter), and how
 * many functions each exposure level holds.
 */
import { EXPOSURE_ORDER } from '../../../analysis/exposure-types.js';
import { SEVERITIES } from '../../../findings/finding.js';
import type { HtmlReportData, Severity } from './data.js';
import { byId, h } from './dom.js';
import type { FilterStore, Filters } from './filter-state.js';

export function renderSummary(data: HtmlReportData, store: FilterStore): void {
  byId('scan-info').append(scanInfo(data));
  const severityButtons = SEVERITIES.map((s) => severityCard(s, data.summary.bySeverity[s], store));
  byId('severity-counts').append(...severityButtons);
  const max = Math.max(1, ...data.summary.byCategory.map((c) => c.count));
  const categoryButtons = data.summary.byCategory.map((c) => categoryRow(c.category, c.title, c.count, max, store));
  const categories = byId('category-counts');
  if (categoryButtons.length === 0) categories.append(h('p', { class: 'muted' }, 'No findings.'));
  else categories.append(...categoryButtons);
  byId('exposure-counts').append(...EXPOSURE_ORDER.map((level) => h('div', { class: `exposure-count exposure-${level}` }, h('span', { class: 'dot' }), h('strong', {}, String(data.summary.exposure[level])), ` ${level}`)));
  store.subscribe((filters) => {
    for (const b of severityButtons) b.setAttribute('aria-pressed', String(onlySeverity(filters) === b.dataset['severity']));
    for (const b of categoryButtons) b.setAttribute('aria-pressed', String(filters.category === b.dataset['category']));
  });
}

function scanInfo(data: HtmlReportData): string {
  const templates = `${data.templates.length} template${data.templates.length === 1 ? '' : 's'}`;
  const findings = `${data.summary.total} finding${data.summary.total === 1 ? '' : 's'}`;
  const baseline = data.baseline ? ` · baseline ${data.baseline.file}: ${data.baseline.baselined} known, ${data.baseline.gone} gone` : '';
  const suppressed = data.suppressed ? ` · ${data.suppressed} suppressed` : '';
  return `${data.target} · ${templates} · ${findings}${suppressed} · faasguard ${data.tool.version}${baseline}`;
}

function severityCard(severity: Severity, count: number, store: FilterStore): HTMLButtonElement {
  const button = h('button', { type: 'button', class: `severity-card sev-${severity}`, 'data-severity': severity, 'aria-pressed': 'false', title: `Show the ${severity} findings` }, h('strong', {}, String(count)), h('span', {}, severity));
  button.addEventListener('click', () => store.update({ severities: onlySeverity(store.filters) === severity ? new Set() : new Set([severity]) }));
  return button;
}

function categoryRow(category: string, title: string, count: number, max: number, store: FilterStore): HTMLButtonElement {
  const bar = h('span', { class: 'bar' });
  bar.style.width = `${Math.round((count / max) * 100)}%`;
  const button = h('button', { type: 'button', class: 'category-row', 'data-category': category, 'aria-pressed': 'false', title: `Show the ${category} findings` }, h('span', { class: 'category-name' }, h('code', {}, category), ` ${title}`), h('span', { class: 'bar-track' }, bar), h('strong', {}, String(count)));
  button.addEventListener('click', () => store.update({ category: store.filters.category === category ? '' : category }));
  return button;
}

function onlySeverity(filters: Filters): Severity | undefined {
  return filters.severities.size === 1 ? [...filters.severities][0] : undefined;
}
