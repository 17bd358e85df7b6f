/**
 * What a finding shows when opened: the whole message, the code around it, the data-flow steps,
 * related places and the fix.
 */
import type { HtmlFinding, HtmlFrame, HtmlReportData, HtmlStep } from './data.js';
import { h } from './dom.js';
import { richText } from './rich-text.js';

export function findingDetails(f: HtmlFinding, data: HtmlReportData): HTMLElement {
  const category = data.summary.byCategory.find((c) => c.category === f.category);
  const fix = data.fixes[f.ruleId] ?? '';
  const functions = f.functions.map((n) => data.graph.nodes[n]?.label ?? '').filter((name) => name !== '');
  return h(
    'div',
    { class: 'details' },
    h('p', { class: 'message' }, f.message),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Rule'),
      h('dd', {}, h('code', {}, f.ruleId), ` ${f.title}`),
      h('dt', {}, 'Category'),
      h('dd', {}, `${f.category} ${category?.title ?? ''}`),
      f.cwe.length > 0 && h('dt', {}, 'CWE'),
      f.cwe.length > 0 && h('dd', {}, f.cwe.join(', ')),
      f.subject !== undefined && h('dt', {}, 'Subject'),
      f.subject !== undefined && h('dd', {}, f.subject),
      functions.length > 0 && h('dt', {}, 'Functions'),
      functions.length > 0 && h('dd', {}, functions.join(', ')),
    ),
    f.frame && h('div', { class: 'block' }, h('h4', {}, h('code', {}, f.location)), frame(f.frame)),
    f.flow.length > 0 && h('div', { class: 'block flow' }, h('h4', {}, 'Data flow'), h('ol', {}, ...f.flow.map(step))),
    f.related.length > 0 && h('div', { class: 'block related' }, h('h4', {}, 'Related'), h('ul', {}, ...f.related.map(step))),
    fix !== '' && h('div', { class: 'block fix' }, h('h4', {}, 'Fix'), ...richText(fix)),
  );
}

function step(s: HtmlStep): HTMLLIElement {
  return h('li', {}, h('code', {}, s.location), ' ', s.message);
}

/** Lines with their numbers, a marker on the reported one and a caret under its column. */
function frame(fr: HtmlFrame): HTMLPreElement {
  const width = String(fr.lines[fr.lines.length - 1]?.number ?? fr.marked).length;
  const pre = h('pre', { class: 'frame' });
  for (const line of fr.lines) {
    const marked = line.number === fr.marked;
    pre.append(h('span', { class: marked ? 'line marked' : 'line' }, h('span', { class: 'gutter' }, `${marked ? '>' : ' '} ${String(line.number).padStart(width)} | `), line.text), '\n');
    if (marked && fr.caret !== undefined) pre.append(h('span', { class: 'line caret' }, h('span', { class: 'gutter' }, `  ${' '.repeat(width)} | `), `${' '.repeat(fr.caret)}^`), '\n');
  }
  return pre;
}
