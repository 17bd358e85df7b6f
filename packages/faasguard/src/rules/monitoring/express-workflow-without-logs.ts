import type { AppModel } from '../../model/app-model.js';
import { STATE_MACHINE_TYPES, stateMachineFacts, type StateMachineFacts } from '../../model/facts/state-machine-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeName } from '../../model/route-name.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const expressWorkflowWithoutLogs: Rule = {
  meta: {
    id: 'express-workflow-without-logs',
    title: 'Express state machine without execution logs',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      "A Step Functions state machine of type `EXPRESS` sends no logs to CloudWatch Logs: its `LoggingConfiguration` (SAM: `Logging`; Terraform: `logging_configuration`) is left out, or its level is `OFF`, which is the default. Unlike a Standard workflow, whose execution history Step Functions records, an Express workflow's executions are recorded nowhere else: who started them, with what input, which states failed and what the functions it invoked returned are lost, so abuse of an API that starts it and failures of its tasks leave nothing to alarm on or investigate.\n\n" +
      'Severity: `low`: it takes nothing from an attacker, but it removes the only trace of what they did. Standard workflows are not reported (their history is kept by the service for 90 days); a level or type known only at deploy time is not judged. The message names the functions the workflow invokes and the routes that start it.',
    remediation:
      'Add a `LoggingConfiguration` with `Level: ERROR` (or `ALL` while investigating) and a CloudWatch Logs log group as its destination, and give the state machine\'s role the log delivery permissions (`logs:CreateLogDelivery` and the related actions). Set `IncludeExecutionData: true` only if the inputs and outputs may be kept in the logs (they may carry personal data or secrets).',
    example: {
      language: 'yaml',
      vulnerable: 'Checkout:\n  Type: AWS::Serverless::StateMachine\n  Properties:\n    Type: EXPRESS\n    DefinitionUri: statemachine/checkout.asl.json',
      fixed: 'Checkout:\n  Type: AWS::Serverless::StateMachine\n  Properties:\n    Type: EXPRESS\n    DefinitionUri: statemachine/checkout.asl.json\n    Logging:\n      Level: ERROR\n      IncludeExecutionData: false\n      Destinations:\n        - CloudWatchLogsLogGroup:\n            LogGroupArn: !GetAtt CheckoutLogs.Arn',
    },
    references: ['https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-stepfunctions-statemachine-loggingconfiguration.html'],
    judges: ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'],
    // Checkov asks for logging on every state machine; this rule only on Express ones, whose history is kept nowhere else.
    peerChecks: ['Checkov CKV_AWS_285'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const type of STATE_MACHINE_TYPES) {
      for (const resource of index.resourcesOfType(type)) {
        const facts = stateMachineFacts(resource);
        if (facts?.type === 'EXPRESS' && facts.logging === false) results.push(resultFor(facts, model));
      }
    }
    return results;
  },
};

function resultFor(facts: StateMachineFacts, model: AppModel): RuleResult {
  const machine = facts.resource;
  return {
    message: `Express state machine ${nameOf(machine)}${reach(facts, model)} sends no execution logs to CloudWatch Logs (no logging configuration, or level OFF), and Step Functions keeps no history of Express executions: who started each execution, with what input, and which states failed are recorded nowhere. Add a LoggingConfiguration with Level ERROR and a log group.`,
    location: facts.loggingLoc,
    subject: subjectOf(machine),
    key: [machine.logicalId],
  };
}

/** What the unlogged executions touch: the routes that start the workflow and the functions it invokes. */
function reach(facts: StateMachineFacts, model: AppModel): string {
  const index = ModelIndex.of(model);
  const id = facts.resource.id;
  const routes = model.routes.filter((r) => r.integration?.targetId === id).map((r) => routeName(r));
  const functions = [...new Set(index.triggersFrom(id).map((t) => index.function(t.functionId)).filter((f) => f !== undefined).map((f) => nameOf(f)))];
  const parts = [
    ...(routes.length > 0 ? [`started by ${list(routes)}`] : []),
    ...(functions.length > 0 ? [`invoking ${list(functions)}`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function list(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
