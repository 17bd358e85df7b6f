import type { IamRole, PolicyStatement } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { isLambdaService, trustedServicePrincipals } from '../../iam/trust-principals.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { judgedPermissions, runsCode, trustStatements, type JudgedIdentity } from './judged-identity.js';
import { functionsText, grantsText, namesText, relatedIdentityFunctions } from './privilege-text.js';

/**
 * Only roles a function runs with: a role that several services share is the finding, not any
 * service role. `edgelambda.amazonaws.com` is Lambda@Edge's and belongs with Lambda.
 */
export const iamFunctionRoleTrustsOtherService: Rule = {
  meta: {
    id: 'iam-function-role-trusts-other-service',
    title: "Function's execution role trusts another service",
    category: 'SAS-4',
    cwe: ['CWE-250'],
    severity: 'medium',
    description:
      "The execution role of a function can also be assumed by a service other than Lambda (`ec2.amazonaws.com`, `ecs-tasks.amazonaws.com`, `states.amazonaws.com` …). Whatever runs in that service (an instance, a container, a build) gets every permission the function has, and the function's role grows with what the other service needs. Medium when the service runs code of the account's choosing (EC2, ECS tasks, CodeBuild, SageMaker, Glue …), low for a service that only does what the template configures (Cognito, S3, Step Functions …). `edgelambda.amazonaws.com` (Lambda@Edge) is Lambda's own and is not reported.",
    remediation: 'Give each service its own role with only what it needs, and keep `lambda.amazonaws.com` as the only principal of the function\'s execution role.',
    example: {
      language: 'yaml',
      vulnerable: 'Principal:\n  Service: [lambda.amazonaws.com, ec2.amazonaws.com]',
      fixed: 'Principal:\n  Service: lambda.amazonaws.com',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html'],
    judges: ['AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const { identity, role, statement: s, index: i } of trustStatements(index)) {
      if (identity.functions.length === 0) continue;
      const others = trustedServicePrincipals(s).filter((p) => !isLambdaService(p) && !p.includes('<unknown'));
      if (others.length > 0) results.push(result(identity, role, s, i, others, index));
    }
    return results;
  },
};

function result(identity: JudgedIdentity, role: IamRole, s: PolicyStatement, i: number, others: string[], index: ModelIndex): RuleResult {
  const grants = judgedPermissions(identity, index).statements.flatMap((g) => g.grants);
  const can = grants.length > 0 ? `, and so ${grantsText(grants)}` : '';
  const code = others.some(runsCode);
  const what = code ? "whatever runs there acts with the function's permissions" : "the service acts with the function's permissions and the role carries what both need";
  return {
    message: `Role ${nameOf(role)}, the execution role of ${functionsText(identity.functions)}, can also be assumed by ${namesText(others)}: ${what}${can}. Give that service a role of its own.`,
    location: s.loc,
    related: relatedIdentityFunctions(identity),
    subject: subjectOf(role),
    key: [role.logicalId, s.sid ?? String(i)],
    // A service that runs no code of the account's choosing only does what the template configures.
    ...(code ? {} : { severity: 'low' as const }),
  };
}
