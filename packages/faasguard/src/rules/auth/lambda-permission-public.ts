import type { InvokePermission } from '../../model/app-model.js';
import { permittedFunctionAsWritten, permittedFunctionText, urlsOfOutsideFunctions } from '../../model/facts/lambda-invoke-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const lambdaPermissionPublic: Rule = {
  meta: {
    id: 'lambda-permission-public',
    title: 'Function invocable by anyone',
    category: 'SAS-2',
    cwe: ['CWE-284'],
    severity: 'critical',
    description:
      "A resource-based policy statement on the function (`AWS::Lambda::Permission`) grants `Principal: \"*\"` with no source account, source ARN or organization condition. Any AWS account in the world can invoke the function with an event of its choosing, bypassing every API and authorizer in front of it. A permission on a function outside the template (its `FunctionName` is an ARN, a name or an import) is judged from the permission alone.",
    remediation:
      'Name the caller: the exact service principal with `SourceArn` and `SourceAccount`, or the account or role that must invoke the function. To share within an AWS Organization, keep `Principal: "*"` only together with `PrincipalOrgID`.',
    example: {
      language: 'yaml',
      vulnerable: 'Type: AWS::Lambda::Permission\nProperties:\n  FunctionName: !Ref Worker\n  Action: lambda:InvokeFunction\n  Principal: "*"',
      fixed: 'Type: AWS::Lambda::Permission\nProperties:\n  FunctionName: !Ref Worker\n  Action: lambda:InvokeFunction\n  Principal: "123456789012"',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html'],
    judges: ['AWS::Lambda::Permission'],
    peerChecks: ['KICS Lambda Permission Principal Is Wildcard', 'cfn-nag F13'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of model.permissions) {
      if (!isPublic(p) || coveredByFunctionUrlRule(p, index)) continue;
      const fn = index.function(p.functionId);
      const fnName = permittedFunctionText(p, index);
      results.push({
        message: `Permission ${nameOf(p)} lets any AWS account (Principal "*") ${display(p.action)} on ${fnName}, with no source or organization condition.`,
        location: p.loc,
        related: fn ? [{ loc: fn.loc, message: `function ${fnName}` }] : [],
        subject: subjectOf(p),
        key: [p.logicalId],
      });
    }
    return results;
  },
};

function isPublic(p: InvokePermission): boolean {
  if (p.principal !== '*') return false;
  return p.sourceArn === undefined && p.sourceAccount === undefined && p.principalOrgId === undefined;
}

/** A public permission that serves a URL with AuthType NONE (`lambda:InvokeFunctionUrl`, or `InvokeFunction` limited by `InvokedViaFunctionUrl`) is reported once, by function-url-without-auth. */
function coveredByFunctionUrlRule(p: InvokePermission, index: ModelIndex): boolean {
  if (p.action !== 'lambda:InvokeFunctionUrl' && !p.viaFunctionUrl) return false;
  const fn = index.function(p.functionId);
  if (fn) return fn.urls.some((u) => u.authType === 'NONE');
  const written = permittedFunctionAsWritten(p, index);
  return urlsOfOutsideFunctions(index.model).some((u) => u.authType === 'NONE' && written !== undefined && display(u.target) === written);
}
