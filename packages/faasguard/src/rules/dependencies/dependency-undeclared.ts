import type { Rule, RuleContext } from '../rule.js';
import { ownerFields, ownersText } from './dependency-text.js';
import type { UndeclaredImport } from '../../analysis/dependency-facts.js';
import type { LambdaFunction, ModelElement } from '../../model/app-model.js';
import { codeFactsFor } from '../../code/code-facts.js';
import { codeScope } from '../code-scope.js';

export const dependencyUndeclared: Rule = {
  meta: {
    id: 'dependency-undeclared',
    title: 'Package imported but not declared',
    category: 'SAS-6',
    cwe: ['CWE-1357', 'CWE-829'],
    severity: 'low',
    description:
      "A function's code imports a package that its project's manifest does not declare for production. It works only by accident (hoisted from another package, pulled in transitively, present in a layer or on the build machine), so which version is deployed is decided by something else, is not locked and may disappear or change at any install; a name nobody declared is also the one a dependency-confusion attacker registers. A package declared only as a development dependency is reported too, unless a bundler (SAM's esbuild build, serverless-esbuild or serverless-webpack) ships it. Not reported: packages the function's Lambda runtime provides (the AWS SDK v3 on Node.js 18 and later, v2 before, boto3 and its dependencies on Python), packages the layers of every function that runs the import declare or hold, type-only imports, and imports of tests, build configuration and CDK infrastructure code. Of the functions that share a folder, a finding names those whose handler's code reaches the importing file. Code that no manifest of its language covers (no package.json, or no requirements file, pyproject.toml or Pipfile, in the function's folder or above it) is judged too, where a handler's code reaches the importing file: nothing installs its packages, so each one the runtime lacks fails to load, unless the folder holds its own node_modules or packages pip installed, or the function has layers or is built by a bundler (then it is left alone); Python imports count there only at a module's top, since an indented one may be optional (`try: … except ImportError`).",
    remediation:
      'Declare the package in the manifest next to the code (`npm install <name>`, or a pinned requirement) so the lockfile fixes its version, or remove the import. Code with no package.json gets one beside it. The AWS SDK v2 (`aws-sdk`) on Node.js 18 or later is best replaced by the v3 clients (`@aws-sdk/client-…`, and `@aws-sdk/lib-dynamodb` for the DocumentClient), which the runtime includes: v2 is out of support since 8 September 2025.',
    example: {
      language: 'javascript',
      vulnerable: "// package.json declares only axios\nimport jwt from 'jsonwebtoken';",
      fixed: '// package.json\n"dependencies": { "axios": "1.7.2", "jsonwebtoken": "9.0.2" }',
    },
    references: ['https://owasp.org/www-project-serverless-top-10/'],
    judges: ['dependencies'],
  },
  requires: ['dependencies'],
  check(ctx) {
    const reaching = importingFunctions(ctx);
    return (ctx.deps?.undeclared ?? []).flatMap((u) => {
      const { owners, reached } = reaching(u);
      // Every function that runs the import gets the package from its own layers.
      if (!u.devOnly && owners.length > 0 && owners.every((o) => u.layerProvidedFor.includes(o.id))) return [];
      // Code no package.json covers is judged only where a handler's code runs the importing file.
      if (u.noManifestIn !== undefined && !reached) return [];
      const who = ownersText(owners);
      const others = u.places.filter((p) => p.loc.file !== u.loc.file || p.loc.line !== u.loc.line).slice(0, MAX_RELATED);
      const fields = ownerFields(owners);
      return [{
        message: `The code of ${who || 'the project'} imports '${u.specifier}', but ${u.name} ${whyUndeclared(u, owners)}. ${fixOf(u)}`,
        location: u.loc,
        ...fields,
        related: [...fields.related, ...others.map((p) => ({ loc: p.loc, message: 'also imported here' }))],
        key: [u.ecosystem, u.name],
      }];
    });
  },
};

/** What declares a package, by ecosystem, as a message names it. */
const MANIFEST_WORDS = { npm: 'package.json', PyPI: 'requirements file, pyproject.toml or Pipfile' } as const;

/** Other imports of the package shown beside the first: enough to find the files, not every line of a large project. */
const MAX_RELATED = 10;

function whyUndeclared(u: UndeclaredImport, owners: readonly ModelElement[]): string {
  const runtimeLacks = u.missingFromRuntimes ? `the ${runtimesOf(owners, u.missingFromRuntimes).join(', ')} runtime does not include it (Node.js 18 and later include the AWS SDK v3 only, earlier versions v2 only)` : 'the Lambda runtime does not include it';
  if (u.noManifestIn !== undefined) {
    const where = u.noManifestIn === '.' ? 'the scanned folder has none' : `neither ${u.noManifestIn} nor a folder above it has one`;
    return `is declared by no ${MANIFEST_WORDS[u.ecosystem]} (${where}, so nothing installs it), and ${runtimeLacks}: the import fails at run time unless something else ships it`;
  }
  if (u.devOnly) return `is declared in ${u.manifest} only as a development dependency, so it is not deployed unless a bundler ships it`;
  if (!u.missingFromRuntimes) return `is not declared in ${u.manifest}, so its deployed version is not locked`;
  // A layer's packages may bring it in as a dependency of their own, which no manifest here shows.
  const layered = owners.some((o) => ((o as Partial<LambdaFunction>).layers ?? []).length > 0);
  return layered
    ? `is not declared in ${u.manifest}, and ${runtimeLacks}: it loads only if one of the function's layers ships it (itself, or as a dependency of one of the layer's packages), which no manifest of the code shows, so its version is not locked and a layer update may remove it`
    : `is not declared in ${u.manifest}, and ${runtimeLacks}: the import fails at run time unless something else ships it`;
}

/** The AWS SDK v2 on a runtime that has only v3 is best replaced by the v3 clients the runtime has. */
function fixOf(u: UndeclaredImport): string {
  const v2OnV3Runtime = u.name === 'aws-sdk' && u.missingFromRuntimes !== undefined;
  if (v2OnV3Runtime) return 'Move the code to the AWS SDK v3 (`@aws-sdk/client-…` clients, `@aws-sdk/lib-dynamodb` for the DocumentClient), which the runtime includes: the v2 SDK has been out of support since 8 September 2025.';
  if (u.noManifestIn !== undefined) return u.ecosystem === 'npm' ? 'Add a package.json beside the code that declares it as a production dependency.' : 'Add a requirements.txt beside the code that declares it, pinned, so that the build installs it.';
  return 'Declare it as a production dependency.';
}

/** The runtimes of the functions named, among those the analysis found lacking the package (all of those when none is named). */
function runtimesOf(owners: readonly ModelElement[], lacking: readonly string[]): string[] {
  const named = lacking.filter((r) => owners.some((o) => 'runtime' in o && o.runtime === r));
  return named.length > 0 ? named : [...lacking];
}

/**
 * The owners whose handler's code reaches a file importing the package: a project's folder is shared by
 * functions that do not all run every file of it. All owners when the code analysis did not
 * follow any of them there (a file reached otherwise, or code it could not read).
 */
function importingFunctions(ctx: RuleContext): (u: UndeclaredImport) => { owners: ModelElement[]; reached: boolean } {
  const scope = codeScope(ctx);
  const users = scope ? codeFactsFor(ctx.model, scope).usersOf : undefined;
  return (u) => {
    const files = new Set([u.loc.file, ...u.places.map((p) => p.loc.file)]);
    const reached = new Set([...files].flatMap((file) => users?.get(file) ?? []).map((fn) => fn.id));
    const owners = u.owners.filter((o) => reached.has(o.id));
    return owners.length > 0 ? { owners, reached: true } : { owners: u.owners, reached: false };
  };
}
