/**
 * Step Functions state machines invoke the functions their Task states name: each such state is a
 * trigger of kind `step-functions` from the state machine, wherever the definition is written
 * (`Definition`, `DefinitionString`, `DefinitionUri`, Terraform's `definition`), and whoever can
 * start an execution passes their exposure on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { functionExposedThroughChain } from '../../src/rules/auth/function-exposed-through-chain.js';
import { expressWorkflowWithoutLogs } from '../../src/rules/monitoring/express-workflow-without-logs.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const FUNCTIONS = `  Charge:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
      FunctionName: orders-charge
  Ship:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
  Notify:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
`;

/** A state machine whose one task invokes Ship. */
const SHIP_MACHINE = `  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Ship
        States:
          Ship:
            Type: Task
            Resource: !GetAtt Ship.Arn
            End: true
`;

/** SAM, the definition inline: an invoke task, a task in a Parallel branch, one in a Map, a dynamic one, an SQS one. */
const INLINE = `Transform: AWS::Serverless-2016-10-31
Resources:
${FUNCTIONS}  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters:
              FunctionName: !GetAtt Charge.Arn
              Payload.$: $
            Next: Fan
          Fan:
            Type: Parallel
            Branches:
              - StartAt: Ship
                States:
                  Ship:
                    Type: Task
                    Resource: !GetAtt Ship.Arn
                    End: true
            Next: Each
          Each:
            Type: Map
            ItemProcessor:
              StartAt: Tell
              States:
                Tell:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Parameters:
                    FunctionName: \${NotifyArn}
                    InvocationType: Event
                  End: true
            Next: Pick
          Pick:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters:
              FunctionName.$: $.target
            Next: Queue
          Queue:
            Type: Task
            Resource: arn:aws:states:::sqs:sendMessage
            Parameters:
              QueueUrl: https://sqs.example/q
            End: true
      DefinitionSubstitutions:
        NotifyArn: !GetAtt Notify.Arn
`;

async function triggers(files: Record<string, string>): Promise<string[]> {
  const { model } = await loadApp(project(files));
  return model.triggers.filter((t) => t.kind === 'step-functions').map((t) => `${t.id} -> ${t.functionId} at ${t.loc.file}:${t.loc.line}${t.asynchronous ? ' async' : ''}`);
}

describe('state machines as triggers', () => {
  it('reads an inline definition: invoke tasks, the function as resource, Parallel and Map states, substitutions', async () => {
    assert.deepEqual(await triggers({ 'template.yaml': INLINE }), [
      'template.yaml/Orders#Charge -> template.yaml/Charge at template.yaml:28',
      'template.yaml/Orders#Ship -> template.yaml/Ship at template.yaml:40',
      'template.yaml/Orders#Tell -> template.yaml/Notify at template.yaml:50 async',
    ]);
  });

  it('reads a DefinitionUri file, at the line of the state in that file', async () => {
    const asl = JSON.stringify({ StartAt: 'Ship', States: { Ship: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${ShipArn}' }, End: true } } }, null, 2);
    const template = `Transform: AWS::Serverless-2016-10-31\nResources:\n${FUNCTIONS}  Orders:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/orders.asl.json\n      DefinitionSubstitutions:\n        ShipArn: !GetAtt Ship.Arn\n`;
    assert.deepEqual(await triggers({ 'template.yaml': template, 'statemachine/orders.asl.json': asl }), ['template.yaml/Orders#Ship -> template.yaml/Ship at statemachine/orders.asl.json:4']);
  });

  it('reads a file named with another case, with a warning that Linux would not find it', async () => {
    const asl = '{"StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"${ShipArn}","End":true}}}';
    const template = `Transform: AWS::Serverless-2016-10-31\nResources:\n${FUNCTIONS}  Orders:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/Orders.asl.json\n      DefinitionSubstitutions:\n        ShipArn: !GetAtt Ship.Arn\n`;
    const dir = project({ 'template.yaml': template, 'statemachine/orders.asl.json': asl });
    const { model, diagnostics } = await loadApp(dir);
    assert.deepEqual(model.triggers.filter((t) => t.kind === 'step-functions').map((t) => t.functionId), ['template.yaml/Ship']);
    const d = diagnostics.find((x) => x.code === 'file-name-case');
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.loc.line, 25);
    assert.match(d?.message ?? '', /statemachine\/orders\.asl\.json, whose name differs only in case/);
  });

  it('reads a DefinitionString built with Fn::Sub, and a function named by its ARN', async () => {
    const template = `Resources:
${FUNCTIONS}  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/sfn
      DefinitionString: !Sub |
        {"StartAt": "Ship", "States": {
          "Ship": {"Type": "Task", "Resource": "\${Ship.Arn}", "Next": "Charge"},
          "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:orders-charge", "End": true}}}
`;
    assert.deepEqual(await triggers({ 'template.yaml': template }), ['template.yaml/Orders#Ship -> template.yaml/Ship at template.yaml:25', 'template.yaml/Orders#Charge -> template.yaml/Charge at template.yaml:25']);
  });

  it('says so when a DefinitionString is not JSON, and goes on', async () => {
    const template = `Resources:\n${FUNCTIONS}  Orders:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      RoleArn: arn:aws:iam::123456789012:role/sfn\n      DefinitionString: '{"StartAt": "Ship",'\n`;
    const { model, diagnostics } = await loadApp(project({ 'template.yaml': template }));
    assert.equal(model.functions.length, 3);
    const d = diagnostics.find((x) => x.code === 'state-machine-definition-unreadable');
    assert.equal(d?.loc.line, 25);
  });

  it('reads Terraform: jsonencode and a heredoc', async () => {
    const tf = `resource "aws_lambda_function" "ship" {
  function_name = "ship"
  role          = "arn:aws:iam::123456789012:role/x"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "ship.zip"
}
resource "aws_sfn_state_machine" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/sfn"
  definition = jsonencode({
    StartAt = "Ship"
    States = { Ship = { Type = "Task", Resource = "arn:aws:states:::lambda:invoke", Parameters = { FunctionName = aws_lambda_function.ship.arn }, End = true } }
  })
}
resource "aws_sfn_state_machine" "returns" {
  name       = "returns"
  role_arn   = "arn:aws:iam::123456789012:role/sfn"
  definition = <<EOF
{"StartAt": "Ship", "States": {"Ship": {"Type": "Task", "Resource": "\${aws_lambda_function.ship.arn}", "End": true}}}
EOF
}
`;
    const { model } = await loadApp(project({ 'main.tf': tf }));
    assert.deepEqual(
      model.triggers.filter((t) => t.kind === 'step-functions').map((t) => `${t.id} ${t.loc.line}`),
      ['main.tf/aws_sfn_state_machine.orders#Ship 11', 'main.tf/aws_sfn_state_machine.returns#Ship 19'],
    );
  });
});

describe('who can start a state machine reaches its functions', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${FUNCTIONS}  Start:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
      Policies:
        - StepFunctionsExecutionPolicy:
            StateMachineName: !GetAtt Orders.Name
      Events:
        Order:
          Type: HttpApi
          Properties:
            Path: /orders
            Method: post
${SHIP_MACHINE}`;

  it('a public function allowed states:StartExecution makes the task functions public, through the chain', async () => {
    const dir = project({ 'template.yaml': template });
    const { model } = await loadApp(dir);
    const exposure = computeExposure(model);
    assert.equal(exposure.get('template.yaml/Ship')?.level, 'public');
    assert.equal(exposure.get('template.yaml/Charge')?.level, 'internal');
    const { findings } = await scan(dir, { noCache: true, rules: [functionExposedThroughChain] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.subject?.logicalId]), [['function-exposed-through-chain', 'template.yaml', 43, 'Ship']]);
  });

  it('without that permission, the task function stays internal', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template.replace(/      Policies:\n.*\n.*\n/, '') }));
    assert.equal(computeExposure(model).get('template.yaml/Ship')?.level, 'internal');
  });
});

describe("a SAM state machine's Api events", () => {
  const template = (auth: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
${FUNCTIONS}${SHIP_MACHINE}      Events:
        Place:
          Type: Api
          Properties:
            Path: /orders
            Method: post
${auth}`;

  it('are routes that start the state machine: an open one makes its task functions public, and is reported', async () => {
    const dir = project({ 'template.yaml': template('') });
    const { model } = await loadApp(dir);
    const route = model.routes.find((r) => r.id === 'template.yaml/Orders#Place');
    assert.deepEqual([route?.method, route?.path, route?.auth.type, route?.integration?.targetId], ['POST', '/orders', 'none', 'template.yaml/Orders']);
    assert.equal(computeExposure(model).get('template.yaml/Ship')?.level, 'public');
    const { findings } = await scan(dir, { noCache: true, rules: [apiRouteWithoutAuth] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.file, f.location.line]), [['api-route-without-auth', 'template.yaml', 33]]);
  });

  it('with IAM authorization, only principals of the account reach the task functions', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template('            Auth:\n              Authorizer: AWS_IAM\n') }));
    assert.equal(computeExposure(model).get('template.yaml/Ship')?.level, 'account');
  });
});

describe("Terraform's logging_configuration of a state machine", () => {
  const machine = (logging: string) => `resource "aws_sfn_state_machine" "returns" {
  name       = "returns"
  type       = "EXPRESS"
  role_arn   = "arn:aws:iam::123456789012:role/sfn"
  definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
${logging}}
`;

  it('with a level and a destination, the Express workflow logs; without, it is reported', async () => {
    const logged = machine('  logging_configuration {\n    level           = "ERROR"\n    log_destination = "arn:aws:logs:eu-west-1:123456789012:log-group:returns:*"\n  }\n');
    const quiet = machine('  logging_configuration {\n    level = "OFF"\n  }\n');
    for (const [tf, lines] of [[logged, []], [quiet, [1]]] as const) {
      const { findings } = await scan(project({ 'main.tf': tf }), { noCache: true, rules: [expressWorkflowWithoutLogs] });
      assert.deepEqual(findings.map((f) => f.location.line), lines);
    }
  });
});

describe('a state machine that sends to a queue', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
      Events:
        Job:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
  Intake:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Enqueue
        States:
          Enqueue:
            Type: Task
            Resource: arn:aws:states:::sqs:sendMessage
            Parameters:
              QueueUrl: !Ref Jobs
              MessageBody.$: $
            End: true
      Events:
        Submit:
          Type: Api
          Properties:
            Path: /jobs
            Method: post
`;

  it("passes the route's exposure to the queue's functions, naming the task", async () => {
    const { model } = await loadApp(project({ 'template.yaml': template }));
    assert.deepEqual(model.resources.find((r) => r.logicalId === 'Intake')?.sends?.map((s) => [s.targetId, s.state, s.loc.line]), [['template.yaml/Jobs', 'Enqueue', 22]]);
    const worker = computeExposure(model).get('template.yaml/Worker');
    assert.equal(worker?.level, 'public');
    assert.match(worker?.paths[0]?.description ?? '', /starts Intake, whose task Enqueue sends to Jobs, which invokes Worker$/);
  });

  it('without the route, the queue and its function stay internal', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template.replace(/      Events:\n        Submit:[\s\S]*$/, '') }));
    assert.equal(computeExposure(model).get('template.yaml/Worker')?.level, 'internal');
  });
});
