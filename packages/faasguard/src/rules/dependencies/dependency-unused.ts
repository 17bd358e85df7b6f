import { isDeployTool } from '../../deps/deploy-tools.js';
import type { Rule } from '../rule.js';
import { ownerFields, ownersText } from './dependency-text.js';

export const dependencyUnused: Rule = unusedRule();

function unusedRule(): Rule {
  return {
    meta: {
      id: 'dependency-unused',
      title: 'Dependency declared but never imported',
      category: 'SAS-6',
      cwe: ['CWE-1104'],
      severity: 'low',
      description:
        "A production dependency of a function's project is never imported by any code of that project. It is still installed and deployed: every unneeded package, and everything it pulls in, is attack surface (its vulnerabilities, its install scripts, its maintainers' accounts) with no use. Imports are read from the code (`import`, `require('x')`, `import('x')` with a literal, Python `import` / `from … import`); packages loaded by a name computed at run time are not seen. A declared package that the Lambda runtime also provides (the AWS SDK, boto3) is reported too when nothing imports it: it is still packaged, over the runtime's copy. A build, test or deploy tool declared as a production dependency (the Serverless Framework and its plugins, TypeScript, bundlers, test runners) is packaged too; the message then says to move it to `devDependencies` rather than remove it, since the build or the deploy loads it.",
      remediation:
        'Remove the package from the manifest (`npm uninstall <name>`, or delete the requirement) and redeploy. If it is needed only to build or test, declare it as a development dependency.',
      example: {
        language: 'json',
        vulnerable: '"dependencies": {\n  "axios": "1.7.2",\n  "left-pad": "1.3.0"\n}',
        fixed: '"dependencies": {\n  "axios": "1.7.2"\n}',
      },
      references: ['https://owasp.org/www-project-serverless-top-10/'],
      judges: ['dependencies'],
    },
    requires: ['dependencies'],
    check({ deps }) {
      return (deps?.unused ?? []).map((u) => {
        const who = ownersText(u.owners);
        const group = u.group === 'optionalDependencies' ? 'an optional dependency' : 'a production dependency';
        const advice = u.ecosystem === 'npm' && isDeployTool(u.name) ? 'It builds, tests or deploys the function rather than running in it: move it to devDependencies.' : 'Remove it.';
        return {
          message: `${u.name} is ${group} of ${u.loc.file} that no code of ${who || 'the project'} imports; it is deployed anyway and only adds attack surface. ${advice}`,
          location: u.loc,
          ...ownerFields(u.owners),
          key: [u.ecosystem, u.name],
        };
      });
    },
  };
}
