/**
 * A number as an English text writes it (`12,500`), the same as `toLocaleString('en-US')`.
 *
 * The first `toLocaleString` call of a process loads the locale data, about 20 ms: more than most
 * rules take on a whole corpus. Whole numbers, which is what messages count, are grouped here
 * without it; any other number is left to the locale data.
 */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
