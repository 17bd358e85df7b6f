/**
 * The size a Markdown report may have. GitHub refuses a pull-request comment of more than 65,536
 * characters, counted as UTF-16 code units (JavaScript's `length`); the report stays under a lower
 * budget so that what a workflow adds around it (a heading, a marker to update the comment) fits too.
 *
 * A report is blocks joined by blank lines; each cuttable block (a section) is a head and items in
 * order of importance. `fitSections` keeps the leading items of each section that fit, in the order
 * the sections are given, and lets each say what it left out.
 */

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** What the Markdown report may use, the closing line included. */
export const MARKDOWN_BUDGET = 60_000;

/** A block whose items can be cut: `head` lines, then items joined by `separator`, then the note. */
export interface Section {
  head: string[];
  items: string[];
  separator: '\n' | '\n\n';
  /**
   * A paragraph after the items: what is elsewhere, given how many items are shown and whether
   * the report was cut. Its length must not grow as more items are shown (the longest is reserved).
   */
  note: (shown: number, cut: boolean) => string | undefined;
}

/** The report as blocks (each joined by newlines) and sections, in document order; sections of a lower `rank` are filled first. */
export type Part = { block: string[] } | { section: Section; rank: number };

/** Renders every part whole. */
export function renderParts(parts: readonly Part[]): string {
  return join(parts.map((p) => ('block' in p ? p.block.join('\n') : sectionText(p.section, p.section.items.length, false))));
}

/**
 * Renders within `budget` UTF-16 code units: blocks whole, each section's head and longest note
 * reserved, then items taken section by section by rank, each section stopping at its first item
 * that does not fit, so that what is shown is the most important.
 */
export function renderPartsWithin(parts: readonly Part[], budget: number): string {
  const shown = new Map<number, number>();
  let left = budget - join(parts.map((p) => ('block' in p ? p.block.join('\n') : sectionText(p.section, 0, true)))).length;
  const byRank = parts.flatMap((p, i) => ('section' in p ? [{ i, section: p.section, rank: p.rank }] : [])).sort((a, b) => a.rank - b.rank);
  for (const { i, section } of byRank) {
    const { items, separator } = section;
    let n = 0;
    for (const item of items) {
      const cost = separator.length + item.length;
      if (cost > left) break;
      left -= cost;
      n++;
    }
    shown.set(i, n);
  }
  return join(parts.map((p, i) => ('block' in p ? p.block.join('\n') : sectionText(p.section, shown.get(i) ?? 0, true))));
}

function sectionText(section: Section, shown: number, cut: boolean): string {
  const note = section.note(shown, cut);
  const items = section.items.slice(0, shown).map((item) => section.separator + item).join('');
  return `${section.head.join('\n')}${items}${note === undefined ? '' : `\n\n${note}`}`;
}

function join(blocks: readonly string[]): string {
  return `${blocks.join('\n\n')}\n`;
}
