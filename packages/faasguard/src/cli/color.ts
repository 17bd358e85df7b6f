/**
 * Whether a report on a stream gets ANSI colours. The order follows the conventions of
 * no-color.org and force-color.org, where a flag given for one run beats the environment:
 * 1. `--no-color`: never;
 * 2. `FORCE_COLOR`: `0` or `false` never, any other value (empty too, as Node reads it) always,
 *    terminal or not (a CI log shows colours), and over `NO_COLOR`, as force-color.org says;
 * 3. `NO_COLOR`, set and not empty: never;
 * 4. otherwise when the stream is a terminal.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

export function colorWanted(noColorFlag: boolean, stream: NodeJS.WritableStream, env: Environment = process.env): boolean {
  if (noColorFlag) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTty(stream);
}

export function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
