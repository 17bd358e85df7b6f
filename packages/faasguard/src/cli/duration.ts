/** A duration as the terminal shows it: tenths of a second (`0.4 s`, `12.3 s`). */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
