import type { Severity } from '../../findings/finding.js';
import { expandActions, type ExpandedAction } from '../../iam/expand-actions.js';
import { isOwnAccount } from '../../analysis/resource-policy-grants.js';
import type { InvokePermission } from '../../model/app-model.js';
import { grantsOnlyInvoke, isInvokeAction, permittedFunctionText } from '../../model/facts/lambda-invoke-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const lambdaPermissionBeyondInvoke: Rule = {
  meta: {
    id: 'lambda-permission-beyond-invoke',
    title: 'Function permission that grants more than invoking',
    category: 'SAS-4',
    cwe: ['CWE-732'],
    severity: 'high',
    description:
      "A resource-based policy statement on the function (`AWS::Lambda::Permission`, Terraform's `aws_lambda_permission`) grants an action other than invoking it: `lambda:*`, `*`, or a single action such as `lambda:UpdateFunctionCode` or `lambda:GetFunction`. A function's policy can let another account manage the function, not only call it: with `lambda:*` or `lambda:UpdateFunctionCode` the principal can replace the function's code, which then runs with the function's role and receives its events; `lambda:GetFunction` and `lambda:GetFunctionConfiguration` return the code's download link and the environment variables, secrets included.\n\n" +
      "Severity: `high` when the grant lets the principal change the function; `medium` when it lets it read the function's code or configuration; `low` for other actions, and whenever the principal is an AWS service (a service performs only its own operations, so the grant is only wider than it needs). A grant to the template's own account (`${AWS::AccountId}`) is left out: it hands the decision to the account's IAM policies. Who may invoke is judged by `lambda-permission-public`, `lambda-permission-cross-account` and `lambda-permission-service-without-source`.",
    remediation:
      'Grant `lambda:InvokeFunction` (or `lambda:InvokeFunctionUrl` for a function URL) and nothing else. If another account must deploy or inspect the function, let it assume a role of yours whose identity policy grants that, where you can see and audit it.',
    example: {
      language: 'yaml',
      vulnerable: 'Type: AWS::Lambda::Permission\nProperties:\n  FunctionName: !Ref Worker\n  Action: lambda:*\n  Principal: "444455556666"',
      fixed: 'Type: AWS::Lambda::Permission\nProperties:\n  FunctionName: !Ref Worker\n  Action: lambda:InvokeFunction\n  Principal: "444455556666"',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html', 'https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html'],
    judges: ['AWS::Lambda::Permission'],
    peerChecks: ['cfn-nag W24', 'KICS Lambda Permission Misconfigured'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of model.permissions) {
      if (typeof p.action !== 'string' || grantsOnlyInvoke(p) || grantsOwnAccount(p)) continue;
      const granted = beyondInvoke(p.action);
      if (granted === undefined) continue;
      const fn = index.function(p.functionId);
      const fnName = permittedFunctionText(p, index);
      const service = isService(p);
      const effect = service ? `${p.principal} needs only lambda:InvokeFunction (a service performs only its own operations), so the grant is wider than it needs` : EFFECT[granted];
      results.push({
        message: `Permission ${nameOf(p)} grants ${principalText(p)} ${p.action} on ${fnName}, not only invoking it: ${effect}. Grant lambda:InvokeFunction alone.`,
        location: p.loc,
        related: fn ? [{ loc: fn.loc, message: `function ${fnName}` }] : [],
        subject: subjectOf(p),
        key: [p.logicalId],
        severity: service ? 'low' : SEVERITY[granted],
      });
    }
    return results;
  },
};

/** What the actions beyond invoking let the principal do, the strongest first. */
type Granted = 'change' | 'read' | 'other';

const EFFECT: Readonly<Record<Granted, string>> = {
  change: "it can change the function (replace its code, which then runs with the function's role, or its configuration)",
  read: "it can read the function's code and configuration, its environment variables included",
  other: 'it can call Lambda actions on the function that its callers never need',
};

const SEVERITY: Readonly<Record<Granted, Severity>> = { change: 'high', read: 'medium', other: 'low' };

/** Read actions that return the function's code or its configuration. */
const READS_FUNCTION = /^(GetFunction|GetFunctionConfiguration)$/;

/** The strongest thing the action grants beyond invoking; undefined when it grants nothing the catalogue knows. */
function beyondInvoke(action: string): Granted | undefined {
  const lambda = expandActions([action]).actions.filter((a) => a.service === 'lambda' && !isInvokeAction(`lambda:${a.name}`));
  if (lambda.length === 0) return undefined;
  if (lambda.some(changesFunction)) return 'change';
  return lambda.some((a) => READS_FUNCTION.test(a.name)) ? 'read' : 'other';
}

function changesFunction(a: ExpandedAction): boolean {
  return a.accessLevel === 'Write' || a.accessLevel === 'Permissions management';
}

function isService(p: InvokePermission): boolean {
  return typeof p.principal === 'string' && /\.amazonaws\.com(\.cn)?$/.test(p.principal);
}

function grantsOwnAccount(p: InvokePermission): boolean {
  return isOwnAccount({ type: 'AWS', value: p.principal });
}

function principalText(p: InvokePermission): string {
  if (typeof p.principal === 'string' && /^\d{12}$/.test(p.principal)) return `account ${p.principal}`;
  if (p.principal !== '*') return display(p.principal);
  const narrowed = p.sourceArn !== undefined || p.sourceAccount !== undefined || p.principalOrgId !== undefined;
  return narrowed ? 'any principal its source or organization condition admits (Principal "*")' : 'everyone (Principal "*")';
}
