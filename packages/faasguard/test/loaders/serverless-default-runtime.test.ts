/**
 * A Serverless function's runtime when the file sets none: Serverless Framework v4's default, but
 * none assumed for a service pinned below v4 (its default changed between v3 releases). Keys written
 * with other capitals than the framework's (`Runtime:`) are ignored by the framework: a warning at
 * their line, and the setting does not apply.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { pinnedMajor } from '../../src/loaders/serverless/compile/default-runtime.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function service(frameworkVersion: string | undefined, provider: string): string {
  return `service: orders
${frameworkVersion === undefined ? '' : `frameworkVersion: '${frameworkVersion}'\n`}provider:
  name: aws
${provider}
functions:
  list:
    handler: src/list.handler
`;
}

async function runtimeOf(frameworkVersion: string | undefined, provider = ''): Promise<{ runtime: unknown; warnings: string[] }> {
  const { model, diagnostics } = await loadApp(project({ 'serverless.yml': service(frameworkVersion, provider) }));
  return {
    runtime: model.functions[0]?.runtime,
    warnings: diagnostics.filter((d) => d.code === 'serverless-key-case').map((d) => `${d.loc.file}:${d.loc.line} ${d.message}`),
  };
}

describe('Serverless default runtime', () => {
  it("is v4's when the file pins v4 or nothing", async () => {
    assert.equal((await runtimeOf(undefined)).runtime, 'nodejs20.x');
    assert.equal((await runtimeOf('4')).runtime, 'nodejs20.x');
    assert.equal((await runtimeOf('>=3')).runtime, 'nodejs20.x');
  });

  it('is not assumed for a service pinned below v4', async () => {
    assert.equal((await runtimeOf('^3')).runtime, undefined);
    assert.equal((await runtimeOf('^3.28.1')).runtime, undefined);
  });

  it('is the one the provider writes, whatever the version', async () => {
    assert.equal((await runtimeOf('^3', '  runtime: python3.12')).runtime, 'python3.12');
  });

  it('a key written with other capitals is reported where it is, and does not apply', async () => {
    const found = await runtimeOf('^3', '  Runtime: nodejs24.x\n  memorySize: 256');
    assert.equal(found.runtime, undefined);
    assert.deepEqual(found.warnings, [
      "serverless.yml:5 provider sets Runtime, which the framework does not read (it reads runtime): the setting does not apply, and its functions run on the framework's default runtime, which the file does not name",
    ]);
  });

  it('reads the major version a range pins', () => {
    const cases: Array<[string, number | undefined]> = [['3', 3], ['^3', 3], ['~3.2', 3], ['3.x', 3], ['3.28.1', 3], ['>=3.0.0 <4.0.0', 3], ['^4', 4], ['>=3', undefined], ['^3 || ^4', undefined], ['>=2 <4', undefined]];
    for (const [range, major] of cases) assert.equal(pinnedMajor(range), major, range);
  });
});
