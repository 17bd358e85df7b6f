import type { InvokePermission } from '../../model/app-model.js';
import { grantsOnlyInvoke, permittedFunctionText } from '../../model/facts/lambda-invoke-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const lambdaPermissionCrossAccount: Rule = {
  meta: {
    id: 'lambda-permission-cross-account',
    title: 'Function invocable from another AWS account',
    category: 'SAS-2',
    cwe: ['CWE-284'],
    severity: 'medium',
    description:
      "A resource-based policy statement lets a principal of another AWS account invoke the function. Whoever controls that account (or any role in it, when the whole account is named) can send the function events of their choosing, outside your APIs and authorizers. A permission on a function outside the template (its `FunctionName` is an ARN, a name or an import) is judged from the permission alone.",
    remediation: 'Confirm the account is meant to call the function; name a single role rather than the whole account, and validate the events in the function.',
    example: {
      language: 'yaml',
      vulnerable: 'Principal: "444455556666"',
      fixed: 'Principal: arn:aws:iam::444455556666:role/order-sync',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html'],
    judges: ['AWS::Lambda::Permission'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of model.permissions) {
      const account = otherAccount(p);
      if (account === undefined) continue;
      const fn = index.function(p.functionId);
      results.push({
        message: `Permission ${nameOf(p)} lets ${account === display(p.principal) ? `account ${account}` : `${display(p.principal)} (account ${account})`} ${grantsOnlyInvoke(p) ? 'invoke' : `call ${display(p.action)} on`} ${permittedFunctionText(p, index)}.`,
        location: p.loc,
        related: fn ? [{ loc: fn.loc, message: `function ${nameOf(fn)}` }] : [],
        subject: subjectOf(p),
        key: [p.logicalId],
      });
    }
    return results;
  },
};

/** The account named by a principal that is an account id or an ARN in an account (not the stack's own, which is unknown). */
function otherAccount(p: InvokePermission): string | undefined {
  if (typeof p.principal !== 'string') return undefined;
  if (/^\d{12}$/.test(p.principal)) return p.principal;
  return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(p.principal)?.[1];
}
