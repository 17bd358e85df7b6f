/**
 * The `pre-commit` tool of the hook's tests: Debian's package (`apt-get install pre-commit`; `.ci/run`
 * installs it). Nothing is downloaded: the tests run the hook as a `repo: local` hook.
 */
import { spawnSync } from 'node:child_process';

export const PRE_COMMIT = 'pre-commit';

/**
 * Why the hook's tests cannot run here, or undefined when they can. In CI a missing tool is a
 * failure, not a reason to skip: the tests that need it must run there.
 */
export function preCommitUnavailable(): string | undefined {
  const r = spawnSync(PRE_COMMIT, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0) return undefined;
  const reason = `${PRE_COMMIT} is missing: install it with apt-get install pre-commit`;
  if (process.env['CI']) throw new Error(`${reason} (CI is set, so the pre-commit tests must run)`);
  return reason;
}
