/** Words joined as a sentence lists them: `a`, `a and b`, `a, b and c` (or `or`). Every word is kept. */
export function wordList(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
