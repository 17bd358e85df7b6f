import type { ModuleSource } from '../../model/app-model.js';
import { moduleSourcePin, type ModuleSourcePin } from '../../model/facts/module-source-pin.js';
import type { Rule, RuleResult } from '../rule.js';

export const terraformModuleUnpinned: Rule = {
  meta: {
    id: 'terraform-module-unpinned',
    title: 'Terraform module not pinned to a release',
    category: 'SAS-6',
    cwe: ['CWE-1357', 'CWE-494'],
    severity: 'medium',
    description:
      "A `module` block of the project's Terraform downloads its code without fixing which code: a registry module with no `version` (or a constraint with no upper bound, `>= 3.0`), or a Git repository with no `ref` in its source. Every fresh `terraform init` (a new checkout, each CI run, or `init -upgrade`) then installs whatever is newest: a compromised or breaking release of the module changes the resources deployed, with the deploying account's credentials, without any change to this code, and no review sees it. `.terraform.lock.hcl` locks providers only, never modules. Not reported: local paths, the module calls inside an installed module (its authors pin those), archives and buckets (`https://…zip`, `s3::`), constraints with an upper bound (`~> 7.0`, `< 4.0`), a `version` given by an expression (`var.events_version`, whose value is not read here), and a Git `ref` that names a tag rather than a commit (Checkov's CKV_TF_1 asks for a commit hash; a tag can be moved, a commit cannot).",
    remediation:
      'Set `version` to an exact release of a registry module (`version = "3.14.0"`), or at least one with an upper bound (`~> 3.14`); for a Git source, add `?ref=` with a commit hash (or a release tag) to the source.',
    references: ['https://developer.hashicorp.com/terraform/language/modules/sources', 'https://developer.hashicorp.com/terraform/language/expressions/version-constraints'],
    judges: ['Terraform module'],
    peerChecks: ['Checkov CKV_TF_1', 'Checkov CKV_TF_2'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    const seen = new Set<string>();
    for (const stack of model.stacks) {
      for (const m of stack.moduleSources ?? []) {
        // A local module called several times (count, for_each) brings its calls once per instance.
        const place = `${m.loc.file}:${m.loc.line}`;
        const pin = moduleSourcePin(m);
        if (seen.has(place) || !unpinned(pin)) continue;
        seen.add(place);
        results.push({ message: messageOf(m, pin), location: m.loc, key: [m.name.replace(/\[[^\]]*\]/g, '')] });
      }
    }
    return results;
  },
};

function unpinned(pin: ModuleSourcePin): boolean {
  return pin.kind === 'registry-without-version' || pin.kind === 'registry-unbounded' || pin.kind === 'git-without-ref';
}

const CONSEQUENCE =
  'a compromised or breaking release changes the resources deployed, with the deploying credentials, without a change to this code (.terraform.lock.hcl locks providers, not modules)';

function messageOf(m: ModuleSource, pin: ModuleSourcePin): string {
  const name = m.name.split('.').slice(-1)[0];
  switch (pin.kind) {
    case 'git-without-ref':
      return `Module ${name} is fetched from Git (${m.source}) without a ref: every fresh terraform init (a new checkout, a CI run) takes the latest commit of the repository's default branch, so ${CONSEQUENCE}. Add ?ref= with a commit hash (or a release tag) to the source.`;
    case 'registry-unbounded':
      return `Module ${name} (${m.source}) sets version "${pin.version}", which has no upper bound: every fresh terraform init (a new checkout, a CI run) installs its newest release, so ${CONSEQUENCE}. Give the constraint an upper bound (~> x.y, or an exact release).`;
    default:
      return `Module ${name} (${m.source}) has no version: every fresh terraform init (a new checkout, a CI run) installs its newest release, so ${CONSEQUENCE}. Set version to the release you tested (version = "x.y.z", or ~> x.y).`;
  }
}
