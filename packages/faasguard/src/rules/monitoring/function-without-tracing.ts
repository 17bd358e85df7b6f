import type { AppModel, LambdaFunction, Resource, Trigger } from '../../model/app-model.js';
import { rolePermissions } from '../../iam/role-permissions.js';
import { statementsKnown } from '../../iam/code-usage.js';
import { grantsAction } from '../../iam/expand-actions.js';
import { isRequestTrigger, type TriggerKind } from '../../model/trigger-kind.js';
import { isApiAuthorizer } from '../../model/facts/authorizer-functions.js';
import { functionSettingLoc } from '../../model/facts/function-settings-facts.js';
import { isSwitchedOff } from '../../model/facts/switched-off-functions.js';
import { ModelIndex } from '../../model/model-index.js';
import { asString } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { inServerlessService, sourceWords } from '../source-words.js';

export const functionWithoutTracing: Rule = {
  meta: {
    id: 'function-without-tracing',
    title: 'Function without active X-Ray tracing',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      'The function does not set active X-Ray tracing (`Tracing: Active` in SAM, `TracingConfig.Mode: Active` in CloudFormation). Requests and events that enter through it are not traced end to end: when an attacker probes or abuses the application, the investigation cannot follow one request or event from the API, queue or bucket through this function to the data stores and other functions it reached.\n\n' +
      'Severity: `low`: tracing helps detection and forensics; its absence exposes nothing by itself, and many teams trace with other tools (OpenTelemetry, vendor agents).\n\n' +
      "A function with an Amazon MSK, self-managed Apache Kafka or Amazon MQ (ActiveMQ, RabbitMQ) event source mapping is not reported: Lambda's X-Ray tracing does not support such functions, so the setting would trace nothing. Nor is a function switched off (`ReservedConcurrentExecutions: 0`, every invocation throttled), which never runs.",
    remediation:
      'Set `Tracing: Active` (SAM; `Globals.Function.Tracing` for every function) or `TracingConfig: { Mode: Active }`, and allow `xray:PutTraceSegments` and `xray:PutTelemetryRecords` to the role, or Lambda refuses the setting (SAM, CDK and the Serverless Framework add them to the roles they make; the message says when a role the template writes lacks them). If you trace with another tool, suppress this rule.',
    example: { language: 'yaml', vulnerable: 'Runtime: nodejs22.x', fixed: 'Runtime: nodejs22.x\nTracing: Active' },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
    peerChecks: ['KICS Lambda Functions Without X-Ray Tracing', 'KICS Serverless Function Without X-Ray Tracing'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      // A mode chosen by a parameter or condition may well be Active: not reported.
      if (fn.tracing === 'Active' || (fn.tracing !== undefined && typeof fn.tracing !== 'string')) continue;
      if (index.triggersOf(fn).some((t) => UNTRACED_SOURCES.has(t.kind))) continue;
      if (isSwitchedOff(fn)) continue;
      const resource = index.resource(fn.id);
      results.push({
        message: `Function ${nameOf(fn)} has no active tracing: ${whatGoesUnfollowed(index.triggersOf(fn), isApiAuthorizer(fn, model))} cannot be followed through the function (with active tracing, X-Ray records a sample of the invocations, the first each second and 5% of the others, and the calls the code makes join the trace where its AWS SDK client is instrumented). ${misplacedSettingText(fn)}${tracingFix(fn, resource?.type, model)}${permissionText(fn, resource, index, model)}`,
        location: functionSettingLoc(resource, 'tracing') ?? fn.loc,
        subject: subjectOf(fn),
        key: [fn.logicalId],
      });
    }
    return results;
  },
};

/** Event source mappings whose functions X-Ray does not trace (Lambda's X-Ray page says so of each). */
const UNTRACED_SOURCES: ReadonlySet<TriggerKind> = new Set<TriggerKind>(['kafka-msk', 'kafka-self-managed', 'mq']);

/**
 * What reaches the function and may abuse it: a request (an API route or its authorizer, a URL, a
 * load balancer), an event (a queue, a bucket, a stream), or, with neither in the app, an
 * invocation. A function only schedules invoke gets the input its template writes, which no one
 * outside shapes: what goes unfollowed there is a run that goes wrong; so does a custom resource's,
 * at each create, update or delete of its stack.
 */
function whatGoesUnfollowed(triggers: readonly Trigger[], authorizer: boolean): string {
  const requests = authorizer || triggers.some((t) => isRequestTrigger(t.kind));
  const events = triggers.some((t) => !isRequestTrigger(t.kind));
  if (!requests && events && triggers.every((t) => t.kind === 'eventbridge-scheduled')) return 'a scheduled run that goes wrong';
  if (!requests && events && triggers.every((t) => t.kind === 'cloudformation-custom-resource')) return 'a stack operation that goes wrong';
  if (requests) return `${events ? 'a request or event' : 'a request'} that abuses it`;
  return `${events ? 'an event' : 'an invocation'} that abuses it`;
}

/**
 * A role the template writes itself (a CloudFormation or Terraform role, or one a SAM function
 * names) gets no X-Ray permission when tracing is turned on: SAM, CDK and the Serverless Framework
 * add it only to the roles they make. Said when every statement of the role is known and none
 * allows `xray:PutTraceSegments`, without which Lambda refuses active tracing: creating or updating
 * the function fails ("The provided execution role does not have permissions to call
 * PutTraceSegments on XRAY").
 */
function permissionText(fn: LambdaFunction, resource: Resource | undefined, index: ModelIndex, model: AppModel): string {
  if (fn.constructPath || fn.registryModule || inServerlessService(model, fn)) return '';
  if (resource?.type === 'AWS::Serverless::Function' && resource.properties['Role'] === undefined) return '';
  const role = index.roleOf(fn);
  if (!role) return '';
  const statements = rolePermissions(role, index).statements;
  if (!statementsKnown(role.policies.every((p) => p.document !== undefined), statements)) return '';
  if (statements.some((s) => grantsAction(s.actions, PUT_TRACE_SEGMENTS))) return '';
  // Terraform creates a role's policy attachment and the function side by side unless the function waits for it.
  const grant = sourceWords(fn.loc.file).terraform
    ? "attach the AWS managed policy arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess to it, and list that attachment in the function's depends_on (else Terraform may turn tracing on before the role has the permission)"
    : 'add the AWS managed policy AWSXRayDaemonWriteAccess to it';
  return ` Its role ${nameOf(role)} does not allow ${PUT_TRACE_SEGMENTS}, without which Lambda refuses active tracing (the deployment fails: the role "does not have permissions to call PutTraceSegments on XRAY"): ${grant}.`;
}

const PUT_TRACE_SEGMENTS = 'xray:PutTraceSegments';

/**
 * `Tracing: Active` written among the environment variables (one indentation level too deep): it
 * sets a variable and turns nothing on, which the person who wrote it believes it did.
 */
function misplacedSettingText(fn: LambdaFunction): string {
  const variable = fn.environment.find((v) => /^tracing(?:config|mode)?$/i.test(v.name) && /^(?:active|passthrough)$/i.test(asString(v.value) ?? ''));
  if (!variable) return '';
  return `Its environment sets ${variable.name}: ${asString(variable.value)} (line ${variable.loc.line}), a variable that turns nothing on: tracing is a setting of the function, not of its environment. `;
}

/** The setting as the function's source spells it. */
function tracingFix(fn: LambdaFunction, type: string | undefined, model: AppModel): string {
  if (sourceWords(fn.loc.file).terraform) {
    // A function the registry's Lambda module makes is written as the module call: its input sets the mode.
    if (fn.registryModule === 'terraform-aws-modules/lambda/aws') return 'Set tracing_mode = "Active" on the module (with attach_tracing_policy = true).';
    return 'Set tracing_config { mode = "Active" }.';
  }
  if (fn.constructPath) return 'Set tracing: Tracing.ACTIVE on the function.';
  if (inServerlessService(model, fn)) return 'Set tracing: Active on the function (or provider.tracing.lambda: true).';
  if (type === 'AWS::Lambda::Function') return 'Set TracingConfig: { Mode: Active }.';
  return 'Set Tracing: Active.';
}
