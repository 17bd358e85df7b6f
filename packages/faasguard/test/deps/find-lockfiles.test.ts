import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findLockfiles, isRequirementsFile } from '../../src/deps/lockfiles/find-lockfiles.js';
import { loadFunctionDependencies, newDependencyMemo } from '../../src/deps/load.js';
import { scopeFromRequirementsName } from '../../src/deps/lockfiles/requirements-txt.js';
import { dep, fixture } from './fixtures.js';

const ROOT = fixture('project');
const rel = (p: string): string => path.relative(ROOT, p);

describe('findLockfiles', () => {
  it('walks up to the nearest lockfile and keeps the workspace importer', async () => {
    const r = await findLockfiles(fixture('project', 'functions', 'api', 'src'), ROOT);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.lockfiles.map((l) => [rel(l.path), l.format, l.importer, rel(l.manifest ?? '')]), [
      ['package-lock.json', 'package-lock', 'functions/api', 'functions/api/package.json'],
    ]);
    assert.deepEqual(r.ignored.map(rel), ['yarn.lock']);
  });

  it('finds every requirements file of the nearest Python directory', async () => {
    const r = await findLockfiles(fixture('project', 'functions', 'py', 'app'), ROOT);
    const py = r.lockfiles.filter((l) => l.ecosystem === 'PyPI');
    assert.deepEqual(py.map((l) => rel(l.path)), ['functions/py/requirements-dev.txt', 'functions/py/requirements.txt']);
  });

  it('prefers a real lockfile and reads its manifest', async () => {
    const r = await findLockfiles(fixture('project', 'functions', 'uvfn', 'src'), ROOT);
    const uv = r.lockfiles.find((l) => l.ecosystem === 'PyPI');
    assert.equal(rel(uv!.path), 'functions/uvfn/uv.lock');
    assert.equal(uv!.importer, '.');
  });

  it('never looks above the project root', async () => {
    // The repository itself has a package-lock.json above the fixture project.
    const r = await findLockfiles(fixture('project', 'functions', 'py', 'app'), fixture('project', 'functions', 'py'));
    assert.deepEqual(r.lockfiles.filter((l) => l.ecosystem === 'npm'), []);
  });

  it('refuses a code directory outside the project root', async () => {
    const r = await findLockfiles(fixture('npm-v3'), ROOT);
    assert.deepEqual(r.lockfiles, []);
    assert.match(r.errors[0]!.message, /outside the project root/);
  });

  it('recognises requirements file names', () => {
    for (const n of ['requirements.txt', 'requirements-dev.txt', 'dev-requirements.txt', 'requirements_prod.txt', 'requirements.in.txt']) assert.ok(isRequirementsFile(n), n);
    for (const n of ['requirements.in', 'my_requirementsfile.txt', 'notes.txt']) assert.ok(!isRequirementsFile(n), n);
  });
});

describe('findLockfiles: which lockfile governs code with a manifest of its own', () => {
  const GOVERNED = fixture('governed');
  const found = async (ecosystem: string, ...dir: string[]): Promise<Array<[string, string]>> =>
    (await findLockfiles(path.join(GOVERNED, ...dir), GOVERNED)).lockfiles.filter((l) => l.ecosystem === ecosystem).map((l) => [path.relative(GOVERNED, l.path), l.importer]);

  it('does not give a repository-root lockfile to a sub-project that declares its own packages', async () => {
    assert.deepEqual(await found('npm', 'own'), []);
  });

  it('gives it to code under a package.json that only marks the module type', async () => {
    assert.deepEqual(await found('npm', 'marker'), [['package-lock.json', 'marker']]);
  });

  it('gives a pnpm workspace lockfile to a listed workspace, not to an unlisted one', async () => {
    assert.deepEqual(await found('npm', 'pnpmws', 'apps', 'x'), [['pnpmws/pnpm-lock.yaml', 'apps/x']]);
    assert.deepEqual(await found('npm', 'pnpmws', 'tools', 'y'), []);
  });

  it('does not give root requirements to a Python project of its own, but does under a tool-settings pyproject', async () => {
    assert.deepEqual(await found('PyPI', 'py', 'svc'), []);
    assert.deepEqual(await found('PyPI', 'py', 'cfg'), [['py/requirements.txt', 'cfg']]);
  });
});

describe('loadFunctionDependencies', () => {
  it('gives the same answers with a memo shared by a scan, reading what several directories share once', async () => {
    const dirs = [['functions', 'api', 'src'], ['functions', 'other'], ['functions', 'py', 'app'], ['functions', 'py'], ['functions', 'uvfn', 'src']].map((d) => fixture('project', ...d));
    const memo = newDependencyMemo();
    const shared = [];
    for (const d of dirs) shared.push(await loadFunctionDependencies(d, ROOT, undefined, memo));
    const apart = [];
    for (const d of dirs) apart.push(await loadFunctionDependencies(d, ROOT));
    assert.deepEqual(shared, apart);
    // functions/py and functions/py/app are governed by the same requirements files: parsed once.
    assert.equal(shared[2]!.lockfiles[0], shared[3]!.lockfiles[0]);
    assert.notEqual(apart[2]!.lockfiles[0], apart[3]!.lockfiles[0]);
    // functions/api and functions/other share the root lockfile, read for two workspaces: two parses.
    assert.notEqual(shared[0]!.lockfiles[0], shared[1]!.lockfiles[0]);
    assert.ok(memo.listings.has(ROOT));
  });

  it('gives a workspace function its own dependencies with scopes', async () => {
    const r = await loadFunctionDependencies(fixture('project', 'functions', 'api', 'src'), ROOT);
    assert.deepEqual(r.errors, []);
    const [lock] = r.lockfiles;
    assert.equal(dep(lock!, 'ms').scope, 'prod');
    assert.equal(dep(lock!, 'ms').direct, true);
    assert.equal(dep(lock!, 'is-number').scope, 'dev');
    assert.equal(r.manifests[0]!.deps.dependencies.ms, '2.1.2');
  });

  it('leaves out what only sibling workspaces use, and the workspace links themselves', async () => {
    const r = await loadFunctionDependencies(fixture('project', 'functions', 'api', 'src'), ROOT);
    assert.deepEqual(r.lockfiles[0]!.dependencies.map((d) => d.name).sort(), ['is-number', 'ms']);
    const other = await loadFunctionDependencies(fixture('project', 'functions', 'other'), ROOT);
    assert.deepEqual(other.lockfiles[0]!.dependencies.map((d) => d.name).sort(), ['core-js']);
  });

  it('a function without its own manifest uses the root lockfile', async () => {
    const r = await loadFunctionDependencies(fixture('project', 'functions', 'plain'), ROOT);
    assert.equal(rel(r.lockfiles[0]!.path), 'package-lock.json');
  });

  it('reads Python requirements with includes and dev scope', async () => {
    const r = await loadFunctionDependencies(fixture('project', 'functions', 'py'), ROOT);
    const dev = r.lockfiles.find((l) => l.path.endsWith('requirements-dev.txt'))!;
    assert.equal(dep(dev, 'pytest').scope, 'dev');
    assert.equal(dep(dev, 'requests').scope, 'prod');
  });

  it('takes a requirements file for development tools by its name or a folder named only for them', () => {
    for (const f of ['requirements-dev.txt', 'dev-requirements.txt', 'requirements/test.txt', 'tests/requirements.txt', 'docs/requirements.txt']) assert.equal(scopeFromRequirementsName(f), 'dev', f);
    // A function's code folder whose name merely holds such a word is deployed.
    for (const f of ['test-package-vulnerability/requirements.txt', 'lambda-ci-runner/requirements.txt', 'src/requirements.txt']) assert.equal(scopeFromRequirementsName(f), 'prod', f);
  });

  it('uses the pyproject manifest next to uv.lock', async () => {
    const r = await loadFunctionDependencies(fixture('project', 'functions', 'uvfn', 'src'), ROOT);
    const uv = r.lockfiles.find((l) => l.format === 'uv-lock')!;
    assert.equal(dep(uv, 'requests').scope, 'prod');
    assert.equal(r.manifests.some((m) => m.path.endsWith('pyproject.toml')), true);
  });
});
