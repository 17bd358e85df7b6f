/**
 * Lockfiles and manifests of every format the dependency checks read, with package names and
 * versions that are ordinary, prototype names, or hostile; sometimes damaged.
 */
import fc from 'fast-check';
import { applyDamage, damage, hostileString, PROTOTYPE_KEYS } from './hostile-text.js';

export interface Package {
  name: string;
  version: string;
  dev: boolean;
}

const name = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('lodash', 'minimist', '@scope/pkg', 'aws-sdk', '@aws-sdk/client-s3', 'requests', 'pyyaml', 'Django', 'urllib3', 'left-pad') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: hostileString },
);
const version = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('1.0.0', '4.17.20', '0.0.1', '2.31.0', '3.2', '1.2.3-beta.1', '0.0.0') },
  { weight: 1, arbitrary: fc.constantFrom('latest', '*', '^1.0.0', 'git+https://x/y.git#abc', 'file:../x', 'npm:other@1.0.0', 'workspace:*', '') },
  { weight: 2, arbitrary: hostileString },
);

export const packages: fc.Arbitrary<Package[]> = fc.array(fc.record({ name, version, dev: fc.boolean() }), { maxLength: 5 });

const q = (s: string): string => JSON.stringify(s);
/** TOML basic strings share JSON's escapes except `\u2028`-style ones, which TOML also accepts. */
const tq = q;

function packageJson(pkgs: Package[]): string {
  const deps = (dev: boolean) => Object.fromEntries(pkgs.filter((p) => p.dev === dev).map((p) => [p.name, p.version]));
  return JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps(false), devDependencies: deps(true) }, null, 2);
}

function npmLock(pkgs: Package[], lockfileVersion: 1 | 2 | 3): string {
  const entry = (p: Package) => ({ version: p.version, resolved: `https://registry.npmjs.org/${p.name}/-/x.tgz`, integrity: 'sha512-AAAA', ...(p.dev ? { dev: true } : {}), dependencies: { [p.name]: p.version } });
  const packages = { '': { name: 'app', dependencies: Object.fromEntries(pkgs.map((p) => [p.name, p.version])) }, ...Object.fromEntries(pkgs.map((p) => [`node_modules/${p.name}`, entry(p)])) };
  const dependencies = Object.fromEntries(pkgs.map((p) => [p.name, { version: p.version, ...(p.dev ? { dev: true } : {}), requires: { [p.name]: p.version } }]));
  const body = lockfileVersion === 1 ? { dependencies } : lockfileVersion === 2 ? { packages, dependencies } : { packages };
  return JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion, requires: true, ...body }, null, 2);
}

function yarnClassic(pkgs: Package[]): string {
  return '# yarn lockfile v1\n\n' + pkgs.map((p) => `${q(`${p.name}@^${p.version}`)}:\n  version ${q(p.version)}\n  resolved ${q(`https://registry.yarnpkg.com/${p.name}`)}\n  dependencies:\n    ${q(p.name)} ${q(p.version)}\n`).join('\n');
}

function yarnBerry(pkgs: Package[]): string {
  return '__metadata:\n  version: 8\n  cacheKey: 10\n\n' + pkgs.map((p) => `${q(`${p.name}@npm:^${p.version}`)}:\n  version: ${q(p.version)}\n  resolution: ${q(`${p.name}@npm:${p.version}`)}\n  dependencies:\n    ${q(p.name)}: ${q(`npm:${p.version}`)}\n  languageName: node\n  linkType: hard\n`).join('\n') + `\n"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n  languageName: unknown\n  linkType: soft\n`;
}

function pnpm(pkgs: Package[], v9: boolean): string {
  const importer = (dev: boolean) => pkgs.filter((p) => p.dev === dev).map((p) => `      ${q(p.name)}:\n        specifier: ${q(p.version)}\n        version: ${q(p.version)}`).join('\n');
  const key = (p: Package) => (v9 ? `${p.name}@${p.version}` : `/${p.name}@${p.version}`);
  const pkgsBlock = pkgs.map((p) => `  ${q(key(p))}:\n    resolution: {integrity: sha512-AAAA}\n${p.dev ? '    dev: true\n' : ''}`).join('\n');
  const snapshots = v9 ? `\nsnapshots:\n\n${pkgs.map((p) => `  ${q(key(p))}:\n    dependencies:\n      ${q(p.name)}: ${q(p.version)}\n`).join('\n')}` : '';
  return `lockfileVersion: ${v9 ? "'9.0'" : "'6.0'"}\n\nimporters:\n\n  .:\n    dependencies:\n${importer(false) || '      {}'}\n    devDependencies:\n${importer(true) || '      {}'}\n\npackages:\n\n${pkgsBlock}${snapshots}`;
}

function requirements(pkgs: Package[]): string {
  return pkgs.map((p, i) => (i % 3 === 2 ? `-r ${p.name}.txt` : i % 3 === 1 ? `${p.name}>=${p.version} ; python_version > "3"` : `${p.name}==${p.version}  # pinned`)).join('\n') + '\n-e git+https://x/y.git#egg=y\n--index-url https://example.invalid/simple\n';
}

function pipfileLock(pkgs: Package[]): string {
  const section = (dev: boolean) => Object.fromEntries(pkgs.filter((p) => p.dev === dev).map((p) => [p.name, { version: `==${p.version}`, hashes: ['sha256:aa'] }]));
  return JSON.stringify({ _meta: { hash: { sha256: 'x' }, 'pipfile-spec': 6 }, default: section(false), develop: section(true) }, null, 2);
}

function poetryLock(pkgs: Package[]): string {
  return pkgs.map((p) => `[[package]]\nname = ${tq(p.name)}\nversion = ${tq(p.version)}\ndescription = ""\noptional = false\npython-versions = "*"\ngroups = [${tq(p.dev ? 'dev' : 'main')}]\n\n[package.dependencies]\n${tq(p.name)} = ${tq(`>=${p.version}`)}\n`).join('\n') + '\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.9"\ncontent-hash = "x"\n';
}

function uvLock(pkgs: Package[]): string {
  return 'version = 1\nrequires-python = ">=3.9"\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [\n' + pkgs.map((p) => `  { name = ${tq(p.name)} },`).join('\n') + '\n]\n\n' + pkgs.map((p) => `[[package]]\nname = ${tq(p.name)}\nversion = ${tq(p.version)}\nsource = { registry = "https://pypi.org/simple" }\n`).join('\n');
}

function pyproject(pkgs: Package[]): string {
  return `[project]\nname = "app"\nversion = "0.1.0"\ndependencies = [${pkgs.filter((p) => !p.dev).map((p) => tq(`${p.name}>=${p.version}`)).join(', ')}]\n\n[tool.poetry.dependencies]\n${pkgs.map((p) => `${tq(p.name)} = ${tq(p.version)}`).join('\n')}\n`;
}

function pipfile(pkgs: Package[]): string {
  return `[packages]\n${pkgs.filter((p) => !p.dev).map((p) => `${tq(p.name)} = ${tq(`==${p.version}`)}`).join('\n')}\n\n[dev-packages]\n${pkgs.filter((p) => p.dev).map((p) => `${tq(p.name)} = "*"`).join('\n')}\n`;
}

/** Lockfile formats by file name, and what writes them. */
const NPM_FORMATS: Record<string, (p: Package[]) => string> = {
  'package-lock.json@1': (p) => npmLock(p, 1),
  'package-lock.json@2': (p) => npmLock(p, 2),
  'package-lock.json@3': (p) => npmLock(p, 3),
  'npm-shrinkwrap.json@3': (p) => npmLock(p, 3),
  'yarn.lock@classic': yarnClassic,
  'yarn.lock@berry': yarnBerry,
  'pnpm-lock.yaml@6': (p) => pnpm(p, false),
  'pnpm-lock.yaml@9': (p) => pnpm(p, true),
};
const PYTHON_FORMATS: Record<string, (p: Package[]) => string> = {
  'requirements.txt@': requirements,
  'requirements-dev.txt@': requirements,
  'Pipfile.lock@': pipfileLock,
  'poetry.lock@': poetryLock,
  'uv.lock@': uvLock,
};

/** The files of one code folder: one or more lockfiles of one ecosystem, with or without a manifest. */
export interface LockfileSet {
  runtime: 'nodejs20.x' | 'python3.12';
  files: Record<string, string>;
}

function lockfileSet(runtime: LockfileSet['runtime'], formats: Record<string, (p: Package[]) => string>, manifests: Record<string, (p: Package[]) => string>): fc.Arbitrary<LockfileSet> {
  return fc.tuple(fc.uniqueArray(fc.constantFrom(...Object.keys(formats)), { minLength: 1, maxLength: 2, selector: (k) => k.split('@')[0] }), packages, fc.subarray(Object.keys(manifests)), fc.array(damage, { minLength: 4, maxLength: 4 })).map(([chosen, pkgs, manifestNames, damages]) => {
    const files: Record<string, string> = {};
    chosen.forEach((k, i) => (files[k.split('@')[0]!] = applyDamage(formats[k]!(pkgs), damages[i]!)));
    manifestNames.forEach((m, i) => (files[m] = applyDamage(manifests[m]!(pkgs), damages[2 + i]!)));
    return { runtime, files };
  });
}

export const lockfiles: fc.Arbitrary<LockfileSet> = fc.oneof(
  lockfileSet('nodejs20.x', NPM_FORMATS, { 'package.json': packageJson }),
  lockfileSet('python3.12', PYTHON_FORMATS, { 'pyproject.toml': pyproject, Pipfile: pipfile }),
);
