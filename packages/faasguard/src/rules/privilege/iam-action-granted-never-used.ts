/**
 * A role grants actions that none of its functions' code calls. Reported only when the code of
 * every function using the role was fully analyzed and no call was left undetermined. A SAM policy
 * template scoped to one resource is judged as a whole: reported when it lets the code read, write
 * or delete where the code never does, with the narrower template to use instead.
 */
import { codeScope } from '../code-scope.js';
import { leastPrivilegeFor, type FunctionPrivilege } from '../../code/aws-calls/least-privilege.js';
import { callerPermissionsOf } from '../../code/aws-calls/caller-permissions.js';
import { isServiceSideAction } from '../../iam/code-usage.js';
import { platformActions } from '../../iam/platform-actions.js';
import { actionId, type ExpandedAction } from '../../iam/expand-actions.js';
import { capabilityOf } from '../../iam/action-capabilities.js';
import { rolePermissions, type GrantingStatement } from '../../iam/role-permissions.js';
import type { AttachedPolicy, IamRole } from '../../model/app-model.js';
import { templateReview, type TemplateReview } from '../../iam/sam-template-review.js';
import { ModelIndex } from '../../model/model-index.js';
import { mayActOn } from '../../iam/action-resource-types.js';
import { resourceArnPattern } from '../../iam/resource-arn-pattern.js';
import { display, type Value } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { pushTo } from '../../util/multimap.js';

const LISTED = 8;

export const iamActionGrantedNeverUsed: Rule = {
  meta: {
    id: 'iam-action-granted-never-used',
    title: 'Role grants actions its code never calls',
    category: 'SAS-4',
    cwe: ['CWE-250'],
    severity: 'low',
    description:
      "The execution role grants IAM actions that no AWS SDK call of its functions' code needs. Whoever gets code running in the function (an injection, a compromised dependency) can use them: to delete what the function only writes, read what it never reads. A statement that names resources is taken to grant only the actions that act on what its ARNs can name, by the resource types the Service Authorization Reference gives each action: `logs:*` on a log group grants `logs:DeleteLogGroup` but no action on deliveries, and `s3:*` on `bucket/*` no action on the bucket itself. Reported only when every call of the code could be determined, and never for the actions Lambda itself uses with the role (logs, tracing, VPC interfaces, EFS mounts, S3 Files mounts and their direct reads of the linked bucket, queue and stream pollers, the secret of a broker event source, deliveries to the dead-letter queue and destinations), nor for those a called service performs with the caller's permissions (Textract and Rekognition reading an S3 object, Athena reading the Glue catalogue and writing results, the RDS Data API reading the database secret). Code that imports a package making AWS calls of its own (an object mapper such as dynamoose, Powertools parameters, middy's secret loaders) or signing requests with the role itself (`@aws-sdk/signature-v4`, `aws4`, botocore's `SigV4Auth`, `requests-aws4auth`: an AppSync or OpenSearch call over HTTP) and functions with layers (an extension runs with the role) are not judged, but for AWS's layers that make no AWS call with the role: Powertools, whose AWS-calling utilities the code imports and are counted there, and the Lambda Insights extension, which only writes its log group (its AWS managed policy grants `logs:CreateLogGroup`, `logs:CreateLogStream` and `logs:PutLogEvents`, no more).\n\nA SAM policy template is AWS's bundle for one resource: `DynamoDBCrudPolicy` also grants `DescribeTable` and `ConditionCheckItem`. It is reported when its unused actions let the code read data, or write, change or delete anything, where the code never does (`DynamoDBCrudPolicy` for code that only puts items grants reading and deleting them; unused reads of metadata, such as `kinesis:DescribeLimits`, are not reported), with the narrower template that grants what the code calls (`DynamoDBWritePolicy`, `S3ReadPolicy` with `S3WritePolicy` …) or the statement to write instead.",
    remediation:
      'Remove the unused actions, or replace the SAM policy template with the narrower one the finding names. `faasguard policy <dir> --function <F>` prints the policy the code needs, as IAM JSON or as a SAM `Policies` / Serverless `iamRoleStatements` snippet.',
    example: {
      language: 'yaml',
      vulnerable: "Policies:\n  - Statement:\n      - Effect: Allow\n        Action: [dynamodb:PutItem, dynamodb:DeleteItem, dynamodb:Scan]\n        Resource: !GetAtt Orders.Arn\n# code: only PutCommand",
      fixed: "Policies:\n  - Statement:\n      - Effect: Allow\n        Action: dynamodb:PutItem\n        Resource: !GetAtt Orders.Arn",
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://owasp.org/www-project-serverless-top-10/'],
    judges: ['AWS::IAM::Role', 'AWS::Serverless::Function', 'function code'],
  },
  check(ctx) {
    const scope = codeScope(ctx);
    if (!scope) return [];
    const model = ctx.model;
    const index = ModelIndex.of(model);
    const privilegesOf = groupByRole(leastPrivilegeFor(model, scope));
    const results: RuleResult[] = [];
    for (const role of model.roles) {
      const users = privilegesOf.get(role.id) ?? [];
      if (users.length === 0 || !users.every(fullyKnown)) continue;
      const called = users.flatMap((p) => p.actions.map((a) => a.action.toLowerCase()));
      const platform = users.flatMap((p) => platformActions(model, p.fn));
      const everywhere = [...called.flatMap(callerPermissionsOf), ...platform];
      const used = new Set([...called, ...everywhere]);
      const statements = rolePermissions(role, index).statements;
      for (const s of statements) {
        if (!reviewable(s)) continue;
        const unused = grantedActions(s, index).filter((a) => !used.has(actionId(a).toLowerCase()) && !isServiceSideAction(actionId(a)));
        // A SAM bundle is AWS's set for one purpose: its unused metadata reads (quotas, descriptions) are not worth a finding.
        const reported = isSamBundle(s) ? unused.filter(reachesSomething) : unused;
        if (reported.length > 0) results.push(finding(role, s, reported.map(actionId), users));
      }
      for (const [policy, granting] of scopedTemplates(statements)) {
        const review = templateReview(policy.name, granting, usedOn(granting, users, everywhere) ?? used);
        if (review) results.push(templateFinding(role, policy, granting[0]!, review, users));
      }
    }
    return results;
  },
};

/**
 * The handler and every file it reaches were read, and every call was determined. A layer's code
 * (an extension such as the secrets or telemetry extensions) runs with the role too and is not read.
 */
function fullyKnown(p: FunctionPrivilege): boolean {
  return p.analyzed && p.undetermined.length === 0 && p.fn.layers.every(callsNothing);
}

/**
 * AWS's layers that call no AWS API with the role: Powertools (its parameter and idempotency
 * utilities are imported by the code, where they count as undetermined calls) and Lambda Insights
 * (it writes to CloudWatch Logs, which the platform's log permissions cover).
 */
const QUIET_LAYER = /^arn:[^:]+:lambda:[^:]*:(017000801446|094274105915|580247275435):layer:(AWSLambdaPowertools\w*|AWSLambda-Python\w*|LambdaInsightsExtension\w*)(:\d+)?$/i;

function callsNothing(layer: Value): boolean {
  return QUIET_LAYER.test(display(layer));
}

/**
 * Statements written for the function: inline and customer policies, and SAM policy templates on
 * every resource. A SAM template or connector scoped to one resource is AWS's own bundle for it, and
 * AWS managed policies and `*` grants have rules of their own.
 */
function reviewable(s: GrantingStatement): boolean {
  if (s.admin || s.unknownPatterns.length > 0) return false;
  if (s.policy.kind === 'aws-managed') return false;
  return (s.policy.kind !== 'sam-template' && s.policy.kind !== 'sam-connector') || s.anyResource;
}

/**
 * The statement's actions it can grant: a statement that names only resources (no `*`, nothing
 * unknown until deployment) grants none of the actions IAM lets a policy give only on `*`
 * (`logs:*` on a log group's ARN does not grant `logs:DescribeLogGroups`), nor those that act on
 * resource types its ARNs cannot name (nor `logs:CreateDelivery`, which acts on deliveries).
 */
function grantedActions(s: GrantingStatement, index: ModelIndex): readonly ExpandedAction[] {
  const named = s.resources.length > 0 && s.resources.every((r) => r.kind === 'model' || r.kind === 'external');
  if (!named) return s.actions;
  const patterns = s.statement.resources.map((r) => resourceArnPattern(r, index));
  const scoped = s.actions.filter((a) => a.resourceScoped);
  if (!patterns.every((p): p is string => p !== undefined)) return scoped;
  return scoped.filter((a) => patterns.some((p) => mayActOn(a.service, a.name, p)));
}

/** Reads data, or writes, changes or deletes anything: what an unused action of a SAM bundle must do to be reported. */
function reachesSomething(a: ExpandedAction): boolean {
  return capabilityOf(a) !== undefined || a.accessLevel === 'Write' || a.accessLevel === 'Permissions management';
}

function isSamBundle(s: GrantingStatement): boolean {
  return s.policy.kind === 'sam-template' || s.policy.kind === 'sam-connector';
}

/**
 * What the code calls on the resources of the model a scoped SAM template names, with the actions
 * Lambda and the called services use with the role anywhere: three `DynamoDBCrudPolicy` on three
 * tables, and reading one of them is no use made of the others' grants. A call whose resources are
 * unknown may act on any of them and counts for each. Undefined when the template names a resource
 * outside the model (the role's calls as a whole are then its use).
 */
function usedOn(granting: readonly GrantingStatement[], users: readonly FunctionPrivilege[], everywhere: readonly string[]): Set<string> | undefined {
  const targets = granting.flatMap((s) => s.resources);
  if (!targets.every((r) => r.kind === 'model' && r.id !== undefined)) return undefined;
  const ids = new Set(targets.map((r) => r.id));
  const onThem = users.flatMap((p) => p.actions).filter((a) => a.resourceIds.length === 0 || a.resourceIds.some((id) => ids.has(id)));
  return new Set([...onThem.map((a) => a.action.toLowerCase()), ...everywhere]);
}

/** SAM policy templates scoped to named resources, each with its statements. */
function scopedTemplates(statements: readonly GrantingStatement[]): Map<AttachedPolicy, GrantingStatement[]> {
  const byPolicy = new Map<AttachedPolicy, GrantingStatement[]>();
  for (const s of statements) {
    if (s.policy.kind === 'sam-template' && !s.anyResource && !s.admin) pushTo(byPolicy, s.policy, s);
  }
  // A template with one statement on `*` is reviewed statement by statement above.
  for (const [policy, granting] of byPolicy) if (granting.length !== (policy.document?.statements.length ?? 0)) byPolicy.delete(policy);
  return byPolicy;
}

function templateFinding(role: IamRole, policy: AttachedPolicy, first: GrantingStatement, review: TemplateReview, users: FunctionPrivilege[]): RuleResult {
  const fns = users.map((u) => nameOf(u.fn)).join(', ');
  const n = review.unused.length;
  const listed = review.unused.slice(0, LISTED).join(', ') + (n > LISTED ? ` and ${n - LISTED} more` : '');
  const resource = resourceName(first);
  return {
    message: `Role ${nameOf(role)} grants through ${policy.name} ${n} action${n === 1 ? '' : 's'} on ${resource} that the code of ${fns} never calls on it, so the code may ${review.gained} where ${review.does.replace(/^the code /, 'it ')}: ${listed}. ${review.advice}`,
    location: policy.loc,
    related: users.map((u) => ({ loc: u.fn.loc, message: `function ${nameOf(u.fn)} uses this role` })),
    subject: subjectOf(users[0]!.fn),
    key: [role.id, policy.name, resource],
  };
}

/** The template's resource: the template resource it names, else its first ARN as written. */
function resourceName(s: GrantingStatement): string {
  const ids = [...new Set(s.resources.flatMap((r) => (r.kind === 'model' && r.id !== undefined ? [r.id.slice(r.id.lastIndexOf('/') + 1)] : [])))];
  return ids.length > 0 ? ids.join(', ') : s.resources[0]?.text ?? 'its resource';
}

function finding(role: IamRole, s: GrantingStatement, unused: string[], users: FunctionPrivilege[]): RuleResult {
  const first = users[0]!.fn;
  const listed = unused.slice(0, LISTED).join(', ') + (unused.length > LISTED ? ` and ${unused.length - LISTED} more` : '');
  return {
    message: `Role ${nameOf(role)} grants ${unused.length} action${unused.length === 1 ? '' : 's'} that the code of ${users.map((u) => nameOf(u.fn)).join(', ')} never calls: ${listed}.`,
    location: s.statement.loc,
    related: users.map((u) => ({ loc: u.fn.loc, message: `function ${nameOf(u.fn)} uses this role` })),
    subject: subjectOf(first),
    key: [role.id, s.policy.name, String(s.index)],
  };
}

/** Each role's functions, in model order. */
function groupByRole(privileges: readonly FunctionPrivilege[]): Map<string, FunctionPrivilege[]> {
  const byRole = new Map<string, FunctionPrivilege[]>();
  for (const p of privileges) {
    const roleId = p.fn.role?.roleId;
    if (roleId !== undefined) pushTo(byRole, roleId, p);
  }
  return byRole;
}
