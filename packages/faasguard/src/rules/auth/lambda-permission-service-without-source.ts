import type { InvokePermission } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { invokesOnlyForOwnAccount } from '../../model/same-account-services.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const lambdaPermissionServiceWithoutSource: Rule = {
  meta: {
    id: 'lambda-permission-service-without-source',
    title: 'Service permission without source condition',
    category: 'SAS-2',
    cwe: ['CWE-441'],
    severity: 'medium',
    description:
      'A resource-based policy statement lets an AWS service (such as `s3.amazonaws.com` or `sns.amazonaws.com`) invoke the function without `SourceArn` or `SourceAccount`. Any resource of that service, in any AWS account, can then invoke the function: a bucket or topic of an attacker becomes an entry point (the confused-deputy problem). Load balancers are not reported: a target group can only invoke functions of its own account.',
    remediation: 'Add `SourceArn` (the ARN of your bucket, topic, rule or API) and, for S3, `SourceAccount` to the permission.',
    example: {
      language: 'yaml',
      vulnerable: 'Principal: s3.amazonaws.com\nAction: lambda:InvokeFunction\nFunctionName: !Ref Processor',
      fixed: 'Principal: s3.amazonaws.com\nAction: lambda:InvokeFunction\nFunctionName: !Ref Processor\nSourceArn: !GetAtt Uploads.Arn\nSourceAccount: !Ref AWS::AccountId',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html'],
    judges: ['AWS::Lambda::Permission'],
    peerChecks: ['Checkov CKV_AWS_364'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const p of model.permissions) {
      const service = servicePrincipal(p);
      if (service === undefined || p.sourceArn !== undefined || p.sourceAccount !== undefined || p.principalOrgId !== undefined) continue;
      const fn = index.function(p.functionId);
      const fnName = fn ? nameOf(fn) : 'a function';
      results.push({
        message: `Permission ${nameOf(p)} lets ${service} invoke ${fnName} on behalf of any resource in any account: add SourceArn or SourceAccount.`,
        location: p.loc,
        related: fn ? [{ loc: fn.loc, message: `function ${fnName}` }] : [],
        subject: subjectOf(p),
        key: [p.logicalId],
      });
    }
    return results;
  },
};

function servicePrincipal(p: InvokePermission): string | undefined {
  if (typeof p.principal !== 'string' || !/\.amazonaws\.com(\.cn)?$/.test(p.principal)) return undefined;
  return invokesOnlyForOwnAccount(p.principal) ? undefined : p.principal;
}
