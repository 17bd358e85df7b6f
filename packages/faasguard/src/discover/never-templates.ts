/**
 * Files that are never CloudFormation templates, whatever they contain: package manifests, compiler
 * and tool configurations, CI workflows, container and build definitions. Some mention `AWS::`
 * types (a workflow that deploys a stack, a buildspec that runs `sam deploy`) and would otherwise be
 * parsed and, at worst, loaded as a template.
 */
const NEVER_TEMPLATE_NAMES: readonly RegExp[] = [
  /^package(-lock)?\.json$/,
  /^(ts|js)config(\..+)?\.json$/,
  /^cdk(\.context)?\.json$/,
  /^(composer|bower|manifest|tslint|lerna|nx|turbo|renovate|vercel|deno)\.json$/,
  /^\.(eslintrc|prettierrc|babelrc|swcrc)(\.json|\.ya?ml)?$/,
  /^(docker-)?compose(\..+)?\.ya?ml$/,
  /^buildspec(\..+)?\.ya?ml$/,
  /^(pnpm-lock|pnpm-workspace|\.pre-commit-config|mkdocs|codecov|\.gitlab-ci|\.travis|bitbucket-pipelines|azure-pipelines|appveyor|serverless-compose|samconfig)\.ya?ml$/,
];

const NEVER_TEMPLATE_DIRS = /(^|\/)(\.github\/(workflows|actions)|\.circleci|\.gitlab)\//;

export function isNeverTemplate(rel: string): boolean {
  if (NEVER_TEMPLATE_DIRS.test(rel)) return true;
  const name = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  return NEVER_TEMPLATE_NAMES.some((re) => re.test(name));
}
