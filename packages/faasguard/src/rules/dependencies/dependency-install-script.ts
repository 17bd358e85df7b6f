import { supplyChainRule } from './supply-chain-rule.js';

export const dependencyInstallScript = supplyChainRule(
  {
    id: 'dependency-install-script',
    title: 'Production dependency with an install script',
    category: 'SAS-6',
    cwe: ['CWE-506', 'CWE-829'],
    severity: 'medium',
    description:
      "A production package deployed with a function runs a script when it is installed (`preinstall`, `install`, `postinstall`). The script runs with the build machine's credentials, which usually can deploy the function, and is the usual vehicle of malicious packages. Development-only packages are not reported.",
    remediation:
      'Prefer packages without install scripts. Install with `npm ci --ignore-scripts` and allow scripts only for packages that need them and were reviewed, in a build environment without deployment credentials.',
    example: {
      language: 'json',
      vulnerable: '"node_modules/core-js": {\n  "version": "3.37.1",\n  "hasInstallScript": true\n}',
      fixed: '"node_modules/core-js-pure": {\n  "version": "3.37.1"\n}',
    },
    references: ['https://docs.npmjs.com/cli/v10/using-npm/scripts#best-practices'],
    judges: ['dependencies'],
  },
  ['install-script'],
);
