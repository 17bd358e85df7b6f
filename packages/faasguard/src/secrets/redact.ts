import { scanText } from './scan-text.js';
import { MAX_SCAN_CHARS } from './limits.js';

/** Values shorter than this are fully masked: a few characters of a short secret are most of it. */
const FULL_MASK_BELOW = 12;
const ELLIPSIS = '…';

/** Characters shown at each end: 4 from 20 characters on, fewer below, so at most a fifth is shown. */
function shownPerEnd(length: number): number {
  if (length >= 20) return 4;
  return length >= 16 ? 2 : 1;
}

/** `AKIA…MPLE`: first/last ≤4 characters with "…" between; values under 12 characters become `****`. */
export function redact(value: string): string {
  if (value.length < FULL_MASK_BELOW) return '*'.repeat(Math.max(value.length, 4));
  const shown = shownPerEnd(value.length);
  return value.slice(0, shown) + ELLIPSIS + value.slice(value.length - shown);
}

/** Redacts every detected secret in one chunk of text. */
function redactChunk(chunk: string): string {
  const { hits } = scanText(chunk, { maxChars: chunk.length });
  let out = '';
  let copied = 0;
  for (const hit of hits) {
    out += chunk.slice(copied, hit.start) + redact(chunk.slice(hit.start, hit.end));
    copied = hit.end;
  }
  return out + chunk.slice(copied);
}

/**
 * `text` with every detected secret replaced by its redaction. Meant for
 * output (messages, snippets, reports), so unlike detection it covers the
 * whole text: it proceeds in chunks of `MAX_SCAN_CHARS` cut at line breaks,
 * which keeps the work linear.
 */
export function redactSecretsInText(text: string): string {
  let out = '';
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(offset + MAX_SCAN_CHARS, text.length);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      if (newline > offset) end = newline + 1;
    }
    out += redactChunk(text.slice(offset, end));
    offset = end;
  }
  return out;
}
