import { logRetentionWords } from './log-retention-words.js';
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { logGroupLookup, logWritingDeniedLookup, misnamedLogGroupLookup } from './function-log-group.js';
import { LAMBDA_PREFIX, type LogGroupFacts } from '../../model/facts/log-group-facts.js';
import { display } from '../../model/value.js';
import { inServerlessService } from '../source-words.js';
import { naming } from '../../loaders/serverless/naming.js';
import { ModelIndex } from '../../model/model-index.js';
import { isSwitchedOff } from '../../model/facts/switched-off-functions.js';

export const functionWithoutLogRetention: Rule = {
  meta: {
    id: 'function-without-log-retention',
    title: 'Function without a declared log group with retention',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      "The template declares no `AWS::Logs::LogGroup` with `RetentionInDays` for the function. Lambda then creates `/aws/lambda/<name>` on the first invocation (SAM does the same), outside the stack and with logs kept forever: the group escapes the stack's review and deletion, whatever the function logged (tokens, personal data in error dumps) accumulates indefinitely, and nobody decided how long the evidence of an incident is kept. A group the template declares for the function under another path (`/aws/<name>` for function `<name>`), which the function does not name as the group it logs to, receives none of its logs: the message names it and says how to connect the two.\n\n" +
      'Severity: `low`: nothing is exposed by itself, but logging is left to defaults an investigator cannot rely on. A function switched off (`ReservedConcurrentExecutions: 0`, every invocation throttled) never runs, so no group is made: it is not reported.',
    remediation:
      'Declare the log group in the template with the name Lambda uses (`!Sub /aws/lambda/${MyFunction}`), or point `LoggingConfig.LogGroup` at one, and set `RetentionInDays` to what your incident response and privacy rules require (for example 90 or 365). Add `KmsKeyId` if logs may hold personal data. In a Serverless Framework service, which makes the log group of each function, set `logRetentionInDays` under `provider` (or on the function).',
    example: {
      language: 'yaml',
      vulnerable: 'MyFunction:\n  Type: AWS::Serverless::Function',
      fixed: 'MyFunctionLogs:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    LogGroupName: !Sub /aws/lambda/${MyFunction}\n    RetentionInDays: 90',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup'],
    peerChecks: ['Checkov CKV_AWS_66', 'cfn-nag W86'],
  },
  check({ model }) {
    const logGroupOf = logGroupLookup(model);
    const misnamedGroupOf = misnamedLogGroupLookup(model);
    const cannotLog = logWritingDeniedLookup(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      // A function that cannot write its logs keeps none: function-cannot-write-logs says so.
      if (cannotLog(fn) || isSwitchedOff(fn)) continue;
      const group = logGroupOf(fn);
      const misnamed = group ? undefined : misnamedGroupOf(fn);
      const result = misnamed ? misnamedResult(fn, misnamed, model) : checkFunction(fn, group, model);
      if (result) results.push(result);
    }
    return results;
  },
};

function checkFunction(fn: LambdaFunction, group: LogGroupFacts | undefined, model: AppModel): RuleResult | undefined {
  const base = { subject: subjectOf(fn), key: [fn.logicalId] };
  const words = logRetentionWords(fn.loc.file);
  if (!group) {
    return { ...base, location: fn.loc, message: `Function ${nameOf(fn)} has no log group in the ${words.app}: Lambda creates one on first use, outside ${words.owner}, and keeps its logs forever. ${declareGroupFix(fn, model)}${edgeLogsText(fn, model)}` };
  }
  if (group.hasRetention) return undefined;
  if (madeByServerless(fn, group, model)) {
    return { ...base, location: group.resource.loc, message: `The log group the Serverless Framework makes for function ${nameOf(fn)} has no retention: its logs are kept forever. Set logRetentionInDays under provider (for every function) or on the function.${edgeLogsText(fn, model)}` };
  }
  return {
    ...base,
    location: group.resource.loc,
    related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
    message: `Log group ${nameOf(group.resource)} of function ${nameOf(fn)} has no ${words.retention}: its logs are kept forever. ${retentionFix(group)}${edgeLogsText(fn, model)}`,
  };
}

/**
 * The group to declare, by the name Lambda writes to: `/aws/lambda/` and the function's name. A
 * template names it through the function (`!Sub /aws/lambda/${Fn}`: its name may be generated or
 * built from the stack's), a Terraform configuration by the name it gives, or through the
 * resource's `function_name`; a CDK app sets it on the construct.
 */
function declareGroupFix(fn: LambdaFunction, model: AppModel): string {
  const words = logRetentionWords(fn.loc.file);
  if (ModelIndex.of(model).stackOf(fn)?.format === 'cdk') return "In the CDK app, give the function a log group with a retention (the logGroup property of its construct, or logRetention).";
  if (!words.terraform) return deployTimeInvoker(fn, model) ?? `Declare an AWS::Logs::LogGroup named !Sub ${LAMBDA_PREFIX}\${${fn.logicalId}} (the group Lambda writes to) with RetentionInDays, or point the function's LoggingConfig.LogGroup at one.`;
  // Inside a module the name may come from the caller: the resource's own function_name is what holds.
  const inModule = /^module\..*\.(aws_lambda_function\.[\w-]+)$/.exec(fn.logicalId)?.[1];
  if (inModule) return `Declare an aws_cloudwatch_log_group in its module with name = "${LAMBDA_PREFIX}\${${inModule}.function_name}" (the group Lambda writes to) and retention_in_days.`;
  const literal = typeof fn.name === 'string' ? `"${LAMBDA_PREFIX}${fn.name}"` : undefined;
  const byReference = /^aws_lambda_function\.[\w-]+$/.test(fn.logicalId) ? `"${LAMBDA_PREFIX}\${${fn.logicalId}.function_name}"` : undefined;
  const name = literal ?? byReference;
  return name ? `Declare an aws_cloudwatch_log_group with name = ${name} (the group Lambda writes to) and retention_in_days.` : `Declare an aws_cloudwatch_log_group named ${LAMBDA_PREFIX}<function name> (the group Lambda writes to) with retention_in_days.`;
}

/**
 * A function a custom resource of its stack invokes runs while the stack deploys: a group named
 * after it waits for the function only, so Lambda may create the group on that first run, and the
 * stack then fails to create it ("already exists"). Pointing LoggingConfig.LogGroup at a group of
 * its own makes the function wait for the group instead.
 */
function deployTimeInvoker(fn: LambdaFunction, model: AppModel): string | undefined {
  const index = ModelIndex.of(model);
  const invoker = index.triggersOf(fn).find((t) => t.kind === 'cloudformation-custom-resource');
  const resource = invoker ? index.resource(invoker.sourceId) : undefined;
  if (!resource) return undefined;
  return `Declare an AWS::Logs::LogGroup with RetentionInDays and point the function's LoggingConfig.LogGroup at it, so that the group exists before the function runs: custom resource ${nameOf(resource)} invokes it while the stack deploys, and a group named !Sub ${LAMBDA_PREFIX}\${${fn.logicalId}} could come after Lambda made one on that first run (the stack would fail: the group already exists).`;
}

/** The group the registry's Lambda module makes takes its retention from the module's input. */
function retentionFix(group: LogGroupFacts): string {
  if (group.resource.registryModule === 'terraform-aws-modules/lambda/aws') return 'Set cloudwatch_logs_retention_in_days on the module.';
  return 'Set a retention period.';
}

/** A group declared for the function under another path than Lambda's, which receives none of its logs. */
function misnamedResult(fn: LambdaFunction, group: LogGroupFacts, model: AppModel): RuleResult {
  const words = logRetentionWords(fn.loc.file);
  const lambdaGroup = `${LAMBDA_PREFIX}${display(fn.name)}`;
  const setting = words.terraform ? 'logging_config { log_group }' : 'LoggingConfig.LogGroup';
  return {
    subject: subjectOf(fn),
    key: [fn.logicalId],
    location: fn.loc,
    related: [{ loc: group.resource.loc, message: `log group ${nameOf(group.resource)}` }],
    message: `Function ${nameOf(fn)} logs to ${lambdaGroup}, not to ${nameOf(group.resource)} (${display(group.name)}), which is declared for it under another path: Lambda creates ${lambdaGroup} on first use, outside ${words.owner}, and keeps its logs forever. Name that group ${lambdaGroup}, or point the function's ${setting} at it.${edgeLogsText(fn, model)}`,
  };
}

/**
 * A Lambda@Edge function's runs at CloudFront log to `/aws/lambda/us-east-1.<name>` in each Region
 * where they happen, groups Lambda makes on first use there: the fix in the function's own Region
 * does not reach them.
 */
function edgeLogsText(fn: LambdaFunction, model: AppModel): string {
  if (!ModelIndex.of(model).triggersOf(fn).some((t) => t.kind === 'cloudfront')) return '';
  return ` CloudFront runs it at the edge too (Lambda@Edge), and those runs log to /aws/lambda/us-east-1.<function name> in each Region where they happen, groups made on first use there that keep their logs forever as well: set their retention in each of those Regions.`;
}

/** The group a Serverless service makes for each function's logs, whose retention the service's own setting decides. */
function madeByServerless(fn: LambdaFunction, group: LogGroupFacts, model: AppModel): boolean {
  return inServerlessService(model, fn) && fn.declaredName !== undefined && group.resource.stack === fn.stack && group.resource.logicalId === naming.logGroup(fn.declaredName);
}
