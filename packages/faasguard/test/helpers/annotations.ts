/**
 * Expectations written beside the code they judge, as annotated test suites do: a comment
 * `ruleid: <rule>` (JS `//`, Python `#`) says the next line that is not a comment has a finding of
 * that rule; `ok: <rule>` says it has none. One reader for every annotated file.
 */

export interface Annotation {
  rule: string;
  /** 1-based line the annotation judges */
  line: number;
  expect: 'finding' | 'none';
}

const ANNOTATION = /^\s*(?:\/\/|#)\s*(ruleid|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;
const COMMENT = /^\s*(?:\/\/|#)/;

export function annotations(text: string): Annotation[] {
  const lines = text.split('\n');
  const out: Annotation[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && (COMMENT.test(lines[target]!) || lines[target]!.trim() === '')) target++;
    for (const rule of m[2]!.split(',').map((r) => r.trim())) out.push({ rule, line: target + 1, expect: m[1] === 'ruleid' ? 'finding' : 'none' });
  });
  return out;
}

/**
 * What the annotations of a file say against the findings' lines of each rule: the annotations
 * that do not hold, as readable lines (empty when all hold). Findings of an annotated rule on a line
 * with no annotation are reported too: an unexpected finding is as wrong as a missing one.
 */
export function annotationMismatches(text: string, findings: ReadonlyArray<{ rule: string; line: number }>): string[] {
  const expected = annotations(text);
  const rules = new Set(expected.map((a) => a.rule));
  const wrong: string[] = [];
  for (const a of expected) {
    const found = findings.some((f) => f.rule === a.rule && f.line === a.line);
    if (a.expect === 'finding' && !found) wrong.push(`line ${a.line}: no ${a.rule} finding`);
    if (a.expect === 'none' && found) wrong.push(`line ${a.line}: unexpected ${a.rule} finding`);
  }
  for (const f of findings) {
    if (rules.has(f.rule) && !expected.some((a) => a.rule === f.rule && a.line === f.line)) wrong.push(`line ${f.line}: ${f.rule} finding not annotated`);
  }
  return wrong;
}
