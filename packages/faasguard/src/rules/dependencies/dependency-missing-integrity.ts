import { supplyChainRule } from './supply-chain-rule.js';

export const dependencyMissingIntegrity = supplyChainRule(
  {
    id: 'dependency-missing-integrity',
    title: 'Dependency without an integrity hash',
    category: 'SAS-6',
    cwe: ['CWE-353', 'CWE-494'],
    severity: 'low',
    description:
      'The lockfile entry of a package deployed with a function records no integrity hash. A package changed on the registry, a mirror or in transit installs without any error, and the function deploys it. Requirements files are checked only when they already use `--hash` (pip then refuses any line without one).',
    remediation:
      'Regenerate the lockfile with a current package manager (`npm install` records `integrity`), or for pip generate hashes with `pip-compile --generate-hashes` and install with `--require-hashes`.',
    example: {
      language: 'json',
      vulnerable: '"node_modules/ms": {\n  "version": "2.1.3",\n  "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"\n}',
      fixed: '"node_modules/ms": {\n  "version": "2.1.3",\n  "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",\n  "integrity": "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="\n}',
    },
    references: ['https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode'],
    judges: ['dependencies'],
  },
  ['missing-integrity'],
);
