import type { Rule, RuleContext } from '../rule.js';
import { ownerFields, ownersText } from './dependency-text.js';
import type { UndeclaredImport } from '../../analysis/dependency-facts.js';
import type { ModelElement } from '../../model/app-model.js';
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
      "A function's code imports a package that its project's manifest does not declare for production. It works only by accident (hoisted from another package, pulled in transitively, present in a layer or on the build machine), so which version is deployed is decided by something else, is not locked and may disappear or change at any install; a name nobody declared is also the one a dependency-confusion attacker registers. A package declared only as a development dependency is reported too, unless a bundler (SAM's esbuild build, serverless-esbuild or serverless-webpack) ships it. Not reported: packages the function's Lambda runtime provides (the AWS SDK v3 on Node.js 18 and later, v2 before, boto3 and its dependencies on Python), packages the layers of every function that runs the import declare or hold, type-only imports, and imports of tests, build configuration and CDK infrastructure code. Of the functions that share a folder, a finding names those whose handler's code reaches the importing file.",
    remediation:
      'Declare the package in the manifest next to the code (`npm install <name>`, or a pinned requirement) so the lockfile fixes its version, or remove the import.',
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
      const owners = reaching(u);
      // Every function that runs the import gets the package from its own layers.
      if (!u.devOnly && owners.length > 0 && owners.every((o) => u.layerProvidedFor.includes(o.id))) return [];
      const who = ownersText(owners);
      const why = u.devOnly
        ? `is declared in ${u.manifest} only as a development dependency, so it is not deployed unless a bundler ships it`
        : u.missingFromRuntimes
          ? `is not declared in ${u.manifest}, and the ${runtimesOf(owners, u.missingFromRuntimes).join(', ')} runtime does not include it (Node.js 18 and later include the AWS SDK v3 only, earlier versions v2 only): the import fails at run time unless something else ships it`
          : `is not declared in ${u.manifest}, so its deployed version is not locked`;
      return [{
        message: `The code of ${who || 'the project'} imports '${u.specifier}', but ${u.name} ${why}. Declare it as a production dependency.`,
        location: u.loc,
        ...ownerFields(owners),
        key: [u.ecosystem, u.name],
      }];
    });
  },
};

/** The runtimes of the functions named, among those the analysis found lacking the package (all of those when none is named). */
function runtimesOf(owners: readonly ModelElement[], lacking: readonly string[]): string[] {
  const named = lacking.filter((r) => owners.some((o) => 'runtime' in o && o.runtime === r));
  return named.length > 0 ? named : [...lacking];
}

/**
 * The owners whose handler's code reaches the importing file: a project's folder is shared by
 * functions that do not all run every file of it. All owners when the code analysis did not
 * follow any of them there (a file reached otherwise, or code it could not read).
 */
function importingFunctions(ctx: RuleContext): (u: UndeclaredImport) => ModelElement[] {
  const scope = codeScope(ctx);
  const users = scope ? codeFactsFor(ctx.model, scope).usersOf : undefined;
  return (u) => {
    const reached = new Set((users?.get(u.loc.file) ?? []).map((fn) => fn.id));
    const owners = u.owners.filter((o) => reached.has(o.id));
    return owners.length > 0 ? owners : u.owners;
  };
}
