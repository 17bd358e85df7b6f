/**
 * The browser of the HTML report's tests and benchmark: Debian's chromium (`apt-get install
 * chromium`; `.ci/run` installs it), driven by playwright-core. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** No sandbox (containers run as root), and nothing that would reach the network by itself. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Why browser tests cannot run here, or undefined when they can. In CI a missing browser is a
 * failure, not a reason to skip: the tests that need it must run there.
 */
export function chromiumUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `${CHROMIUM} is missing: install it with apt-get install chromium`;
  if (process.env['CI']) throw new Error(`${reason} (CI is set, so the browser tests must run)`);
  return reason;
}

/**
 * True in the page once the HTML report has drawn itself, or failed to (see `READY_MARK`). In-page
 * code is text here: the tests and the benchmark compile without the DOM's types.
 */
export const PAGE_SETTLED = "document.documentElement.dataset.ready === 'true' || document.documentElement.dataset.error !== undefined";
