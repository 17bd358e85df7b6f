/**
 * Secrets in inline function code, placed in the template: the detector reports positions in
 * the code text, and the code sits in the template as a block scalar, a one-line string or a
 * JSON string with escapes. The secret's own characters are looked for on the template lines
 * where that code line can be; when they are not found the finding points at the code itself.
 */
import type { AppModel } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { asString } from '../model/value.js';
import { detectSecretsInText, type SecretMatch } from '../secrets/index.js';
import type { InlineSecret } from './secret-facts.js';

/** How many template lines past the expected one are searched (the `Code:` / `ZipFile: |` lines). */
const SEARCH_SLACK = 3;

export function findInlineSecrets(model: AppModel, sources: ReadonlyMap<string, string>): InlineSecret[] {
  const out: InlineSecret[] = [];
  for (const fn of model.functions) {
    const code = fn.code.kind === 'inline' ? fn.code.inline : undefined;
    if (code === undefined) continue;
    const fallback = fn.code.loc ?? fn.loc;
    const template = sources.get(fallback.file)?.split('\n');
    const fileName = /python/i.test(asString(fn.runtime) ?? '') ? 'inline.py' : 'inline.js';
    for (const match of detectSecretsInText(code, { fileName })) {
      out.push({ fn, match, loc: (template && placeInTemplate(template, fallback, code, match)) ?? fallback });
    }
  }
  return out;
}

/** The template position of a secret found in inline code starting around `start`. */
export function placeInTemplate(template: readonly string[], start: SourceLocation, code: string, match: SecretMatch): SourceLocation | undefined {
  const codeLine = code.split('\n')[match.line - 1] ?? '';
  const value = codeLine.slice(match.column - 1, match.column - 1 + match.length);
  if (value === '') return undefined;
  const expected = start.line + match.line;
  const candidates: number[] = [];
  for (let n = start.line; n <= expected + SEARCH_SLACK && n <= template.length; n++) candidates.push(n);
  candidates.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected) || b - a);
  for (const n of candidates) {
    const text = template[n - 1] ?? '';
    const at = text.indexOf(value, Math.max(0, match.column - 1));
    const col = at >= 0 ? at : text.indexOf(value);
    if (col >= 0) return { file: start.file, line: n, column: col + 1 };
  }
  return undefined;
}
