/**
 * What the findings table shows: the filters, and whether a finding passes them. One store, so that
 * the filter bar, the summary, the function table and the graph stay in step.
 */
import type { HtmlFinding, Severity } from './data.js';

export interface Filters {
  /** Empty: every severity */
  severities: ReadonlySet<Severity>;
  category: string;
  rule: string;
  file: string;
  search: string;
  /** Index in `graph.nodes` of the function whose findings are shown */
  fn?: number;
}

const NO_FILTERS: Filters = { severities: new Set(), category: '', rule: '', file: '', search: '' };

export function matches(f: HtmlFinding, filters: Filters): boolean {
  if (filters.severities.size > 0 && !filters.severities.has(f.severity)) return false;
  if (filters.category !== '' && f.category !== filters.category) return false;
  if (filters.rule !== '' && f.ruleId !== filters.rule) return false;
  if (filters.file !== '' && f.file !== filters.file) return false;
  if (filters.fn !== undefined && !f.functions.includes(filters.fn)) return false;
  return filters.search === '' || searchText(f).includes(filters.search.toLowerCase());
}

const searchCache = new WeakMap<HtmlFinding, string>();

function searchText(f: HtmlFinding): string {
  let text = searchCache.get(f);
  if (text === undefined) {
    text = [f.ruleId, f.title, f.message, f.location, f.subject ?? '', f.category, ...f.cwe].join('\n').toLowerCase();
    searchCache.set(f, text);
  }
  return text;
}

type Listener = (filters: Filters) => void;

/** Holds the filters and tells every view when they change. */
export class FilterStore {
  private current: Filters = NO_FILTERS;
  private readonly listeners: Listener[] = [];

  get filters(): Filters {
    return this.current;
  }

  update(patch: Partial<Filters>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }

  /** Shows one function's findings, or every function's when it is already the one shown. */
  toggleFunction(fn: number): void {
    if (this.current.fn === fn) this.update({ fn: undefined });
    else this.update({ fn });
  }

  reset(): void {
    this.current = NO_FILTERS;
    for (const listener of this.listeners) listener(this.current);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
