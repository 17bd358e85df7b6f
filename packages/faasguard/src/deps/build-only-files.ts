/**
 * Code files that sit beside a function's code but are never deployed with it: tests, build and
 * tool configuration, and the infrastructure code of a CDK app. What they import is needed to
 * build, test or deploy, not at run time, so it belongs in development dependencies; a package
 * they use still counts as used.
 */
import path from 'node:path';

/** Directories of tests, at any depth. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'spec', 'testing', 'e2e', 'integ', 'integration-tests']);

/** Test files by name: `x.test.ts`, `x.spec.js`, Python `test_x.py`, `x_test.py`, `conftest.py`. */
const TEST_FILE = /(?:\.(?:test|spec)\.[cm]?[jt]sx?$|^test_[\w-]*\.py$|_test\.py$|^conftest\.py$)/i;

/**
 * Build and tool configuration: `webpack.config.js`, `jest.config.ts`, `vite.config.mjs`, any
 * `*.config.*` script, esbuild/rollup build scripts, `.babelrc.js`, `gulpfile.js`, Python `setup.py`.
 */
const CONFIG_FILE = /(?:\.config\.[cm]?[jt]s$|^(?:esbuild|build|rollup|webpack)(?:[.-][\w-]+)?\.[cm]?[jt]s$|^\.[\w-]+rc\.[cm]?js$|^(?:gulpfile|gruntfile)\.[cm]?[jt]s$|^(?:setup|noxfile|fabfile)\.py$)/i;

/** Whether `rel` (relative to the scan root) is a test or a build/tool configuration file. */
export function isTestOrBuildFile(rel: string): boolean {
  const name = path.posix.basename(rel);
  if (TEST_FILE.test(name) || CONFIG_FILE.test(name)) return true;
  return path.posix.dirname(rel).split('/').some((d) => TEST_DIRS.has(d.toLowerCase()));
}

/**
 * A predicate for the files of CDK apps' infrastructure code: `bin/` and `lib/` beside a
 * `cdk.json`. The CDK CLI runs them on the deploying machine to synthesize the template; the
 * functions' own code lives elsewhere (`lambda/`, `src/`) and is bundled from there.
 */
export function cdkInfrastructureTest(files: Iterable<{ rel: string }>): (rel: string) => boolean {
  const apps: string[] = [];
  for (const f of files) if (path.posix.basename(f.rel) === 'cdk.json') apps.push(path.posix.dirname(f.rel));
  if (apps.length === 0) return () => false;
  const prefixes = apps.flatMap((dir) => ['bin', 'lib'].map((sub) => (dir === '.' ? `${sub}/` : `${dir}/${sub}/`)));
  return (rel) => prefixes.some((p) => rel.startsWith(p));
}
