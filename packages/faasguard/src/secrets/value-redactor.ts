/**
 * Redaction by value: once a scan knows a secret (its format, or the name it was assigned to, gave
 * it away in one place), every other place that repeats it is masked too, where nothing else would
 * tell it from ordinary text: a route path, a description, a resource name. Text is also redacted by
 * format (`redactSecretsInText`) for secrets the scan never saw, such as those in file names.
 */
import { mapStrings } from '../util/map-strings.js';
import { redact, redactSecretsInText } from './redact.js';
import { escapeRegExp } from '../util/escape-regexp.js';

/**
 * Known values shorter than this are left to the place they were found: masking every occurrence
 * of a few characters would mangle ordinary words, and the detectors report no shorter secret.
 */
export const MIN_REDACTED_VALUE_CHARS = 8;

/** Strings redacted once however often they occur: ids, paths, titles (see `ValueRedactor.data`). */
const REMEMBERED_BELOW = 64;

export class ValueRedactor {
  private readonly pattern: RegExp | undefined;
  private readonly replacement = new Map<string, string>();

  /** `values`: the secrets' own text, in any order and with repeats. */
  constructor(values: Iterable<string>) {
    const known = [...new Set(values)].filter((v) => v.length >= MIN_REDACTED_VALUE_CHARS);
    // Longest first, so that a secret holding a shorter one is masked whole.
    known.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const v of known) this.replacement.set(v, redact(v) + '\n'.repeat(v.split('\n').length - 1));
    if (known.length > 0) this.pattern = new RegExp(known.map(escapeRegExp).join('|'), 'g');
  }

  /** How many distinct values are masked wherever they occur. */
  get size(): number {
    return this.replacement.size;
  }

  /**
   * Known values replaced by their redaction (their line breaks kept, so that line numbers of a
   * source text still hold), then anything else that looks like a secret.
   */
  text(text: string): string {
    return redactSecretsInText(this.values(text));
  }

  /** Only the known values replaced: for source text already masked by position. */
  values(text: string): string {
    if (this.pattern === undefined || text === '') return text;
    return text.replace(this.pattern, (v) => this.replacement.get(v) ?? redact(v));
  }

  /**
   * Plain data with every string redacted, each distinct one once (see `mapStrings`: what nothing
   * changed in is shared, not copied). Long strings are redacted each time: they are the findings'
   * messages, nearly every one of them different, and remembering them cost more than it saved.
   */
  data<T>(value: T): T {
    const seen = new Map<string, string>();
    return mapStrings(value, (text) => {
      if (text.length >= REMEMBERED_BELOW) return this.text(text);
      let out = seen.get(text);
      if (out === undefined) seen.set(text, (out = this.text(text)));
      return out;
    });
  }
}
