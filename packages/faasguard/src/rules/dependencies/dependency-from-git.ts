import { supplyChainRule } from './supply-chain-rule.js';

export const dependencyFromGit = supplyChainRule(
  {
    id: 'dependency-from-git',
    title: 'Dependency installed from a git repository',
    category: 'SAS-6',
    cwe: ['CWE-829', 'CWE-494'],
    severity: 'medium',
    description:
      'A package deployed with a function is installed straight from a git repository. It bypasses the registry: no published, immutable version, no advisory data, no malware scanning, and a branch or tag can be moved to new code that the next build deploys. Whoever can push to that repository can run code with the function\'s role.',
    remediation:
      'Depend on a published registry version. If the fork is needed, publish it to your own registry (or pin the full commit hash in the URL and review it), and check the lockfile in.',
    example: {
      language: 'json',
      vulnerable: '"dependencies": {\n  "left-pad": "github:someone/left-pad#main"\n}',
      fixed: '"dependencies": {\n  "left-pad": "1.3.0"\n}',
    },
    references: ['https://docs.npmjs.com/cli/v10/configuring-npm/package-json#git-urls-as-dependencies'],
    judges: ['dependencies'],
  },
  ['git-source'],
);
