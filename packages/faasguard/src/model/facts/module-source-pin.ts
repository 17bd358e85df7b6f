/**
 * How a Terraform module source fixes the code `terraform init` downloads. `.terraform.lock.hcl`
 * locks providers only, never modules: a module call is pinned by what it writes itself, a
 * registry module by its `version` constraint, a Git repository by the `ref` of its source.
 */
import type { ModuleSource } from '../app-model.js';

export type ModuleSourcePin =
  /** A local path, an archive, a store this check does not judge, or a version given by an expression */
  | { kind: 'not-judged' }
  /** A version constraint with an upper bound, an exact release, or a Git `ref` */
  | { kind: 'pinned' }
  /** A registry module without `version`: its newest release */
  | { kind: 'registry-without-version' }
  /** A registry module whose constraint has no upper bound (`>= 3.0`): any newer release */
  | { kind: 'registry-unbounded'; version: string }
  /** A Git repository without `ref`: the latest commit of its default branch */
  | { kind: 'git-without-ref' };

/** `namespace/name/provider`, or `hostname/namespace/name/provider`, with an optional `//subdirectory`. */
const REGISTRY = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+\/)?[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*(?:\/\/.*)?$/;

/** Git sources as Terraform reads them: `git::…`, `git@host:…`, and GitHub or Bitbucket addresses without a scheme. */
const GIT = /^(?:git::|git@|(?:https?:\/\/)?(?:www\.)?(?:github\.com|bitbucket\.org)\/)/;

export function moduleSourcePin(m: ModuleSource): ModuleSourcePin {
  const source = m.source.trim();
  if (source === '' || source.startsWith('./') || source.startsWith('../') || source.startsWith('/')) return { kind: 'not-judged' };
  if (GIT.test(source)) return /[?&]ref=[^&]+/.test(source) ? { kind: 'pinned' } : { kind: 'git-without-ref' };
  if (!REGISTRY.test(source) || m.versionFromExpression) return { kind: 'not-judged' };
  const version = m.version?.trim();
  if (version === undefined || version === '') return { kind: 'registry-without-version' };
  return boundedAbove(version) ? { kind: 'pinned' } : { kind: 'registry-unbounded', version };
}

/**
 * Whether a constraint keeps releases below some version: an exact one (`1.2.3`, `= 1.2.3`), a
 * pessimistic one (`~> 3.0`), or an upper bound (`< 4.0`, `<= 3.9`). Only `>`, `>=` and `!=`
 * together leave every newer release allowed.
 */
function boundedAbove(version: string): boolean {
  return version.split(',').some((part) => !/^\s*(>=?|!=)/.test(part));
}
