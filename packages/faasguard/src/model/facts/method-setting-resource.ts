/**
 * The resource a stage's method setting is for, as routes write it: CloudFormation writes a path's
 * slashes as `~1` after a leading `/` (`/~1orders~1{id}` is `/orders/{id}`), Terraform's
 * `method_path` as they are; `/*` stands for every resource.
 */
export function settingResource(resourcePath: string): string {
  return resourcePath.replace(/^\/(?=~1)/, '').replace(/~1/g, '/');
}
