import type { LambdaFunction } from '../../model/app-model.js';
import type { LogWritingDenied } from '../../iam/log-writing.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { logWritingDeniedLookup } from './function-log-group.js';

export const functionCannotWriteLogs: Rule = {
  meta: {
    id: 'function-cannot-write-logs',
    title: 'Function whose role cannot write its logs',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'medium',
    description:
      "Lambda writes what a function logs into its log group with the function's own execution role, and here that role grants `logs:PutLogEvents` on no resource, or only on log groups that cannot be the function's (another function's group, named in full): every line the function logs is dropped, so its errors, the requests that abuse it and what it did with them leave no record, and no metric filter or alarm on its logs can ever fire. It is reported only when every statement of the role is known; a statement on every resource, on a reference, or on a name with a wildcard or a part known only at deployment that may be the function's group counts as granting it, and so does one on the group a Lambda@Edge replica writes to (`/aws/lambda/<region>.<name>`).\n\n" +
      'Severity: `medium`: an attack on the function goes unseen and cannot be investigated afterwards.',
    remediation:
      "Grant `logs:CreateLogStream` and `logs:PutLogEvents` on the function's log group (`arn:aws:logs:<region>:<account>:log-group:/aws/lambda/<FunctionName>:*`), and `logs:CreateLogGroup` unless the template declares the group, or attach the AWS managed policy `AWSLambdaBasicExecutionRole`.",
    example: {
      language: 'yaml',
      vulnerable: 'Policies:\n  - PolicyName: s3\n    PolicyDocument:\n      Statement:\n        - Effect: Allow\n          Action: s3:GetObject\n          Resource: !Sub ${Uploads.Arn}/*',
      fixed: 'ManagedPolicyArns:\n  - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\nPolicies:\n  - PolicyName: s3\n    PolicyDocument:\n      Statement:\n        - Effect: Allow\n          Action: s3:GetObject\n          Resource: !Sub ${Uploads.Arn}/*',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html', 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::IAM::Role'],
  },
  check({ model }) {
    const denied = logWritingDeniedLookup(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      const d = denied(fn);
      if (d) results.push(result(fn, d));
    }
    return results;
  },
};

function result(fn: LambdaFunction, d: LogWritingDenied): RuleResult {
  const granted = d.grantedOn.length === 0 ? 'grants logs:PutLogEvents on no resource' : `grants logs:PutLogEvents only on ${d.grantedOn.join(', ')}, which is not its log group`;
  return {
    message: `Function ${nameOf(fn)} cannot write its logs: its role ${nameOf(d.role)} ${granted}. Lambda drops every line it logs, so its errors and any attack on it leave no record. Grant logs:CreateLogStream and logs:PutLogEvents on its log group, or attach AWSLambdaBasicExecutionRole.`,
    location: fn.loc,
    related: [{ loc: d.role.loc, message: `role ${nameOf(d.role)}` }],
    subject: subjectOf(fn),
    key: [fn.logicalId],
  };
}
