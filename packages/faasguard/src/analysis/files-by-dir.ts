/**
 * The files inside a directory, found by binary search over sorted paths: asking "which files lie
 * under this unit" once per code unit must not read every file of the app each time.
 */
export class FilesByDir<T> {
  private readonly paths: string[];
  private readonly items: T[];

  constructor(items: Iterable<T>, relOf: (item: T) => string) {
    const sorted = [...items].map((item) => ({ rel: relOf(item), item })).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    this.paths = sorted.map((s) => s.rel);
    this.items = sorted.map((s) => s.item);
  }

  /** Items whose path lies inside `dir` (`.` or '' for the root), in path order. */
  under(dir: string): T[] {
    if (dir === '.' || dir === '') return [...this.items];
    // Every path starting with `dir/` sorts between `dir/` and `dir0` ('0' follows '/').
    return this.items.slice(this.lowerBound(`${dir}/`), this.lowerBound(`${dir}0`));
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.paths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paths[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Whether `rel` lies inside one of `dirs` (checked by walking up its own directories). */
export function insideAny(rel: string, dirs: ReadonlySet<string>): boolean {
  if (dirs.has('.') || dirs.has('')) return true;
  for (let d = parentOf(rel); d !== ''; d = parentOf(d)) if (dirs.has(d)) return true;
  return false;
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}
