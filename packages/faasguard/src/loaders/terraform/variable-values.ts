/**
 * Variable values from outside a root module, as Terraform takes them: `TF_VAR_<name>` environment
 * variables (below the module's own variable files), then `--var-file` files and `--var
 * name=value` values (above them). An environment variable counts only when the scan may read it
 * (`--env-vars TF_VAR_region`, or `*`), as for Serverless's `${env:…}`. A value that starts like an
 * HCL expression (`[`, `{`, `"`, a number, `true`, `false`, `null`) is read as one; any other is
 * the string itself, as Terraform reads a value for a variable of type string.
 */

export interface TerraformVariableValues {
  /** `--var name=value`, in command-line order */
  values?: readonly string[];
  /** `--var-file` files, in command-line order: a name for messages, and the text (HCL, or JSON when the name ends in `.json`) */
  files?: ReadonlyArray<{ file: string; text: string }>;
}

export interface GivenVariable {
  name: string;
  /** The value as written */
  text: string;
}

export interface GivenVariables {
  /** `TF_VAR_<name>` values the scan may read: below the module's variable files */
  env: GivenVariable[];
  /** `--var-file` files: above the module's variable files */
  files: ReadonlyArray<{ file: string; text: string }>;
  /** `--var` values: above everything */
  values: GivenVariable[];
}

const ENV_PREFIX = 'TF_VAR_';

export function givenVariables(given: TerraformVariableValues | undefined, envVars: readonly string[], env: Readonly<Record<string, string | undefined>>): GivenVariables {
  const all = envVars.includes('*');
  const fromEnv = Object.keys(env)
    .filter((k) => k.startsWith(ENV_PREFIX) && k.length > ENV_PREFIX.length && (all || envVars.includes(k)) && env[k] !== undefined)
    .sort()
    .map((k) => ({ name: k.slice(ENV_PREFIX.length), text: env[k]! }));
  return { env: fromEnv, files: given?.files ?? [], values: (given?.values ?? []).flatMap(assignment) };
}

/** `name=value` (the value may hold `=`); anything else is not an assignment. */
function assignment(raw: string): GivenVariable[] {
  const i = raw.indexOf('=');
  const name = raw.slice(0, i).trim();
  return i > 0 && /^[A-Za-z_][\w-]*$/.test(name) ? [{ name, text: raw.slice(i + 1) }] : [];
}

/** Whether a value is written as an HCL expression rather than as a plain string. */
export function isExpressionText(text: string): boolean {
  return /^\s*([[{"]|-?\d|(true|false|null)\s*$)/.test(text);
}
