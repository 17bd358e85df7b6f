/**
 * Rule texts are Markdown; the page shows their code spans as code and everything else as plain
 * text. No Markdown renderer: links and markup have no place in a self-contained report.
 */
import { h } from './dom.js';

/** Paragraphs (split on blank lines) with `code spans`. */
export function richText(text: string): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => h('p', {}, ...codeSpans(p.replace(/\s*\n\s*/g, ' '))));
}

function codeSpans(text: string): Array<Node | string> {
  return text.split(/(`[^`]+`)/).map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? h('code', {}, part.slice(1, -1)) : part));
}
