import type { VulnerableUse } from '../../analysis/dependency-facts.js';
import type { Rule, RuleResult } from '../rule.js';
import { ownerFields, ownersText, packageLabel, scopedSeverity, scopeNote, severityOfLevel } from './dependency-text.js';
import { pulledInBy } from '../../deps/dependency-path.js';

export const vulnerableDependency: Rule = {
  meta: {
    id: 'vulnerable-dependency',
    title: 'Dependency with a known vulnerability',
    category: 'SAS-6',
    cwe: ['CWE-1395', 'CWE-937'],
    severity: 'high',
    description:
      "A package deployed with a function has a published advisory (OSV: GitHub, PyPI and npm advisories, CVEs). The function's code runs it with the function's role and on every event, so a vulnerable parser, template engine or HTTP client turns event data into the attacker's entry point. Severity is the advisory's (CVSS), one level lower for a development-only package that the function's code does not import, since it is normally not deployed.",
    remediation:
      'Upgrade to the fixed version named in the finding (for a transitive package, upgrade the direct dependency that pulls it in, or pin it with npm `overrides` / a Python constraint), then redeploy. If no fix exists, remove the package or make sure the vulnerable feature cannot be reached from event data. Keep vulnerability data current: `faasguard db update`, `--osv-db` or `--online`.',
    example: {
      language: 'json',
      vulnerable: '"dependencies": {\n  "lodash": "4.17.20"\n}',
      fixed: '"dependencies": {\n  "lodash": "4.17.21"\n}',
    },
    references: ['https://osv.dev/', 'https://owasp.org/www-project-serverless-top-10/'],
    judges: ['dependencies'],
  },
  requires: ['vulnerabilities'],
  check({ deps }) {
    return (deps?.vulnerabilities ?? []).map(result);
  },
};

function result({ match, use }: VulnerableUse): RuleResult {
  const d = use.dependency;
  const ids = [match.id, ...match.aliases.filter((a) => a !== match.id)].join(', ');
  const fix = match.fixedVersion ? `Fixed in ${match.fixedVersion}.` : 'No fixed version is published.';
  const chain = d.path.length > 1 ? ` Pulled in by ${pulledInBy(d.path)}.` : ' A direct dependency.';
  const who = ownersText(use.owners);
  const summary = match.summary ? `: ${match.summary}` : '';
  return {
    message: `${packageLabel(d.name, d.version)} is affected by ${ids}${summary}. ${fix}${chain}${scopeNote(use)}${who ? ` Deployed with ${who}.` : ''}`,
    location: use.loc,
    ...ownerFields(use.owners),
    key: [d.ecosystem, d.name, d.version ?? '', match.id, d.path.key],
    severity: scopedSeverity(severityOfLevel(match.severity.level), use),
  };
}
