/**
 * A flow in a function the template gives no trigger and no invoke permission: not reported when
 * nothing of the app invokes it (people and tools of the account choose the data), reported at low
 * severity when something of the app refers to it (another function's environment); a state
 * machine's task is a trigger, the app's own (internal); the same flow behind an open API keeps the
 * family's scale.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { pathTraversal } from '../../src/rules/injection/path-traversal.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const HANDLER = `def handler(event, context):
    with open("/tmp/" + event["queryStringParameters"]["file"]) as f:
        return f.read()
`;

function template(events: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
${events}`;
}

const CALLER = `  Caller:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: caller.handler
      CodeUri: src/
      Environment:
        Variables:
          READER: !GetAtt Reader.Arn
`;

const WORKFLOW = `  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Read
        States:
          Read:
            Type: Task
            Resource: !GetAtt Reader.Arn
            End: true
`;

const API_EVENTS = `      Events:
        Read:
          Type: Api
          Properties:
            Path: /read
            Method: GET
`;

describe('flows of functions without a trigger', () => {
  const untriggered = tempProject({ 'template.yaml': template(''), 'src/app.py': HANDLER });
  const invokedByFunction = tempProject({ 'template.yaml': template('') + CALLER, 'src/app.py': HANDLER });
  const invokedByWorkflow = tempProject({ 'template.yaml': template('') + WORKFLOW, 'src/app.py': HANDLER });
  const behindApi = tempProject({ 'template.yaml': template(API_EVENTS), 'src/app.py': HANDLER });
  after(() => {
    removeProject(untriggered);
    removeProject(invokedByFunction);
    removeProject(invokedByWorkflow);
    removeProject(behindApi);
  });

  it('does not report them when nothing of the app invokes the function', async () => {
    const { findings } = await scan(untriggered, { rules: [pathTraversal] });
    assert.deepEqual(findings, []);
  });

  it('reports them at low severity when another function of the app refers to it, naming that as the source', async () => {
    const { findings } = await scan(invokedByFunction, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.severity]), [['path-traversal', 'src/app.py', 2, 'low']]);
    assert.match(findings[0]!.message, /no trigger: what invokes it, a workflow or another function of the app/);
  });

  it("a state machine's task is a trigger: the app's own workflow, at the family's internal severity", async () => {
    const { findings } = await scan(invokedByWorkflow, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.severity]), [['path-traversal', 'src/app.py', 2, 'medium']]);
    assert.match(findings[0]!.message, /^State input of a Step Functions task from Flow reaches/);
  });

  it('keeps the scale of the family behind an open API', async () => {
    const { findings } = await scan(behindApi, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.line, f.severity]), [['path-traversal', 2, 'critical']]);
  });
});
