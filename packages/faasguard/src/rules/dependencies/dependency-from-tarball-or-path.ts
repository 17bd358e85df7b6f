import { supplyChainRule } from './supply-chain-rule.js';

export const dependencyFromTarballOrPath = supplyChainRule(
  {
    id: 'dependency-from-tarball-or-path',
    title: 'Dependency installed from a tarball URL or a local path',
    category: 'SAS-6',
    cwe: ['CWE-829', 'CWE-494'],
    severity: 'medium',
    description:
      "A package deployed with a function comes from a tarball URL or a local directory rather than a registry version. Whoever controls that URL controls the function's code at the next build; a local path deploys whatever happens to be on the build machine. Neither has advisory data, so known vulnerabilities in it are never reported. A local path is reported at low severity: it is usually a package of the same repository.",
    remediation:
      'Publish the package to your registry and depend on a version. For packages of the same repository, prefer workspaces and review them as part of the application.',
    example: {
      language: 'json',
      vulnerable: '"dependencies": {\n  "utils": "https://files.example.net/utils-1.0.0.tgz"\n}',
      fixed: '"dependencies": {\n  "@acme/utils": "1.0.0"\n}',
    },
    references: ['https://docs.npmjs.com/cli/v10/configuring-npm/package-json#urls-as-dependencies'],
    judges: ['dependencies'],
  },
  ['tarball-source', 'path-source'],
  (s) => (s.result.kind === 'path-source' ? 'low' : 'medium'),
);
