/**
 * Expectations written beside the code they judge, as annotated test suites do: a comment
 * `ruleid: <rule>` (JS `//`, Python `#`) says the next line that is not a comment has a finding of
 * that rule; `ok: <rule>` says it has none. Suites written by others also mark what their own tool
 * still misses (`todoruleid:`, a true finding) or still reports (`todook:`, a false one): as ground
 * truth they count as `ruleid` and `ok`. One reader for every annotated file.
 */

export interface Annotation {
  rule: string;
  /** 1-based line the annotation judges */
  line: number;
  expect: 'finding' | 'none';
}

const ANNOTATION = /^\s*(?:\/\/|#)\s*(?:todo)?(ruleid|ok):\s*([a-z0-9.-]+(?:\s*,\s*[a-z0-9.-]+)*)\s*$/;
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

/** Outcomes of the annotated lines of one rule. */
export interface Score {
  /** `ruleid` lines with a finding */
  tp: number;
  /** `ruleid` lines without one */
  fn: number;
  /** Findings on `ok` lines, or on lines with no annotation of the rule */
  fp: number;
  /** `ok` lines without a finding */
  tn: number;
}

/**
 * Scores one file's findings against its annotations, per rule, adding into `scores`. `mapRule`
 * names the rule an annotation means (a suite written for another tool uses its own ids);
 * annotations it maps to nothing are not counted.
 */
export function scoreAnnotations(
  text: string,
  findings: ReadonlyArray<{ rule: string; line: number }>,
  scores: Map<string, Score>,
  mapRule: (rule: string) => string | undefined = (r) => r,
): void {
  const expected = annotations(text).flatMap((a) => {
    const rule = mapRule(a.rule);
    return rule ? [{ ...a, rule }] : [];
  });
  const scoreOf = (rule: string): Score => {
    let s = scores.get(rule);
    if (!s) scores.set(rule, (s = { tp: 0, fn: 0, fp: 0, tn: 0 }));
    return s;
  };
  // One outcome per rule and line, however many annotations name it there.
  const judged = new Map<string, 'finding' | 'none'>();
  for (const a of expected) judged.set(`${a.rule}:${a.line}`, judged.get(`${a.rule}:${a.line}`) === 'finding' ? 'finding' : a.expect);
  for (const [key, expect] of judged) {
    const [rule, line] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
    const found = findings.some((f) => f.rule === rule && f.line === line);
    const s = scoreOf(rule);
    if (expect === 'finding') found ? s.tp++ : s.fn++;
    else found ? s.fp++ : s.tn++;
  }
  const rules = new Set(expected.map((a) => a.rule));
  const lines = new Set(findings.filter((f) => rules.has(f.rule) && !judged.has(`${f.rule}:${f.line}`)).map((f) => `${f.rule}:${f.line}`));
  for (const key of lines) scoreOf(key.slice(0, key.lastIndexOf(':'))).fp++;
}

/** Recall and precision over every rule's score. */
export function totals(scores: ReadonlyMap<string, Score>): Score & { recall: number; precision: number } {
  const sum = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of scores.values()) {
    sum.tp += s.tp;
    sum.fn += s.fn;
    sum.fp += s.fp;
    sum.tn += s.tn;
  }
  return { ...sum, recall: sum.tp / Math.max(1, sum.tp + sum.fn), precision: sum.tp / Math.max(1, sum.tp + sum.fp) };
}
