import { supplyChainRule } from './supply-chain-rule.js';

export const dependencyForeignRegistry = supplyChainRule(
  {
    id: 'dependency-foreign-registry',
    title: 'Dependency resolved from a registry other than the configured one',
    category: 'SAS-6',
    cwe: ['CWE-427', 'CWE-829'],
    severity: 'medium',
    description:
      "The lockfile resolved a package deployed with a function from a host that is not the project's configured registry (`.npmrc` `registry=` / `@scope:registry=`, or the requirements file's `--index-url`). This is how dependency confusion and typo-squatted mirrors get in: the next install trusts whatever that host serves.",
    remediation:
      'Resolve every package through the configured registry (delete the entry and reinstall), configure scoped registries for private scopes, and check the lockfile in. If the host is legitimate, add it to `.npmrc` so the configuration says so.',
    example: {
      language: 'json',
      vulnerable: '"node_modules/internal-auth": {\n  "resolved": "https://registry.attacker.example/internal-auth/-/internal-auth-9.9.9.tgz"\n}',
      fixed: '"node_modules/@acme/internal-auth": {\n  "resolved": "https://npm.acme.internal/@acme/internal-auth/-/internal-auth-1.2.0.tgz"\n}',
    },
    references: ['https://docs.npmjs.com/cli/v10/using-npm/scope#associating-a-scope-with-a-registry'],
    judges: ['dependencies'],
  },
  ['foreign-registry'],
);
