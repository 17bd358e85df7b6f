/**
 * Whether a function's role lets it write its logs. Lambda writes what a function logs into its
 * log group with the function's own role: without `logs:PutLogEvents` on that group, every line
 * is dropped, and nothing the function did is recorded.
 *
 * The answer is "cannot" only when every statement of the role is known and none may grant the
 * action on the group: a statement on every resource, on a reference, or on an ARN whose
 * log-group name might be the function's (a wildcard, a part known only at deployment) may grant
 * it. Names are compared by what is written out: `/aws/lambda/${Prefix}-Custom-lambda-function`
 * can never be `/aws/lambda/${Prefix}-PrivateApiLambdaFncViaCFN`, whatever `Prefix` is, since
 * the written ends differ.
 */
import type { IamRole, PolicyStatement } from '../model/app-model.js';
import type { ModelIndex } from '../model/model-index.js';
import { Composite, display, type Value } from '../model/value.js';
import { grantsAction } from './expand-actions.js';
import { rolePermissions } from './role-permissions.js';
import { statementsKnown } from './code-usage.js';

/** A function that cannot write its logs, and where its role lets it write log events instead. */
export interface LogWritingDenied {
  role: IamRole;
  /** The resources, as written, on which the role grants `logs:PutLogEvents` (none: empty) */
  grantedOn: string[];
}

const PUT_LOG_EVENTS = 'logs:putlogevents';

/**
 * `groups`: the names of the log groups the function may write to, as the template gives them
 * (`/aws/lambda/<FunctionName>`, or the group its `LoggingConfig` names), with an undefined entry
 * for one not known. Undefined when the function may write its logs, or when the scan cannot tell.
 */
export function logWritingDenied(role: IamRole | undefined, groups: ReadonlyArray<Value | undefined>, index: ModelIndex): LogWritingDenied | undefined {
  if (!role || groups.length === 0) return undefined;
  const perms = rolePermissions(role, index);
  if (!statementsKnown(role.policies.every((p) => p.document !== undefined), perms.statements)) return undefined;
  const writers = perms.statements.filter((s) => grantsAction(s.actions, PUT_LOG_EVENTS));
  if (writers.some((s) => s.anyResource || groups.some((g) => mayGrantOn(s.statement, g)))) return undefined;
  return { role, grantedOn: [...new Set(writers.flatMap((s) => s.statement.resources.map(display)))] };
}

function mayGrantOn(s: PolicyStatement, group: Value | undefined): boolean {
  if (s.notResources.length > 0) return true;
  const wanted = group === undefined ? undefined : pattern(group);
  return s.resources.some((r) => wanted === undefined || mayName(logGroupNameIn(pattern(r)), wanted));
}

/** Stands for any text: a wildcard of the policy, or a part known only at deployment. */
const ANY = '\u0000';

/** The value as text, each wildcard and each part not known offline made `ANY`. */
function pattern(v: Value): string {
  if (typeof v === 'string') return v.replace(/[*?]/g, ANY);
  if (v instanceof Composite) return v.parts.map((p) => (typeof p === 'string' ? p.replace(/[*?]/g, ANY) : ANY)).join('');
  return ANY;
}

/**
 * The log-group name an ARN pattern names (`arn:aws:logs:<region>:<account>:log-group:<name>:*`);
 * `ANY` when it may name any group (`*`, an unknown value, no `log-group:` written out), and
 * undefined for an ARN of another service, which names no log group.
 */
function logGroupNameIn(arn: string): string | undefined {
  const at = arn.indexOf(':log-group:');
  if (at >= 0) {
    const name = arn.slice(at + ':log-group:'.length);
    const end = name.indexOf(':');
    return end >= 0 ? name.slice(0, end) : name;
  }
  const service = arn.split(':')[2];
  if (arn.startsWith('arn:') && service !== undefined && !service.includes(ANY) && service !== 'logs') return undefined;
  return ANY;
}

/** Whether two names, each with parts that stand for any text, may be the same: their written starts and ends agree. */
function mayName(granted: string | undefined, wanted: string): boolean {
  if (granted === undefined) return false;
  if (!granted.includes(ANY) && !wanted.includes(ANY)) return granted === wanted;
  const start = (t: string): string => (t.includes(ANY) ? t.slice(0, t.indexOf(ANY)) : t);
  const end = (t: string): string => (t.includes(ANY) ? t.slice(t.lastIndexOf(ANY) + 1) : t);
  const [a, b] = [start(granted), start(wanted)];
  const [c, d] = [end(granted), end(wanted)];
  return (a.startsWith(b) || b.startsWith(a)) && (c.endsWith(d) || d.endsWith(c));
}
