/** `1 file`, `2 files`: counts in terminal messages. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
