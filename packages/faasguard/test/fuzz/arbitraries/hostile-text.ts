/**
 * Text an attacker or a broken file could put anywhere: control characters (terminal escapes,
 * bidi overrides, NUL), names that are properties of every JavaScript object, markup, variable and
 * intrinsic syntax, and long runs, all kept short enough for thousands of cases per run.
 */
import fc from 'fast-check';

/** Keys that a plain object already has, or that change an object's prototype when assigned. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'] as const;

/** Single characters that break naive output: C0 and C1 controls, DEL, bidi, BOM, line separators. */
export const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u0008', '\u001b', '\u000b', '\u000c', '\r', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2028', '\ufeff', '\ufffe'] as const;

/** Fragments with a meaning to some parser or renderer downstream. */
const MEANINGFUL = [
  '\u001b[31mred\u001b[0m',
  '\u001b]8;;http://x\u0007link\u001b]8;;\u0007',
  '<script>alert(1)</script>',
  ']]>',
  '</testsuite>',
  '&amp;',
  '"',
  "'",
  '\\',
  '`',
  '|',
  '${self:custom.a}',
  '${AWS::Region}',
  '${!Literal}',
  '*',
  'arn:aws:iam::*:role/*',
  '../../etc/passwd',
  '%s%n',
  '{{x}}',
  '-->',
  '\n---\n',
  '# comment',
  '&anchor',
  '*alias',
  '!Ref',
  'Fn::GetAtt',
  '',
  ' ',
  'AKIAIOSFODNN7EXAMPLE',
] as const;

const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ019-_./:'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_CHARACTERS) },
  { weight: 1, arbitrary: fc.constantFrom('é', '日', '😀', '\u0301', '\t', '\n', ' ', '#', ':', '{', '}', '[', ']', ',', '&', '<', '>', '%', '@', '$', '!') },
);

/** A short string of mostly ordinary characters with control characters and markup among them. */
export const hostileChars = fc.string({ unit, maxLength: 24 });

/** A string that can hold anything: pieces above joined, now and then a long run (bounded). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileChars },
  { weight: 2, arbitrary: fc.constantFrom(...MEANINGFUL) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.array(fc.oneof(hostileChars, fc.constantFrom(...MEANINGFUL)), { maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'x\u001b', '${', '日'), fc.integer({ min: 200, max: 3000 })).map(([s, n]) => s.repeat(n)) },
);

/** Keys: ordinary names, prototype names, and hostile strings. */
export function hostileKey(ordinary: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...ordinary) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: hostileChars },
  );
}

/** Damages a text the way a bad file is damaged: cut short, or bytes inserted somewhere. */
export type Damage = { kind: 'none' } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; text: string };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'cut' as const, at })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileString }) },
);

export function applyDamage(text: string, d: Damage): string {
  if (d.kind === 'none' || text.length === 0) return text;
  const at = d.at % text.length;
  return d.kind === 'cut' ? text.slice(0, at) : text.slice(0, at) + d.text + text.slice(at);
}
