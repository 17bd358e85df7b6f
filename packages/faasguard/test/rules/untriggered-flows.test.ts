/**
 * A flow in a function the template gives no trigger and no invoke permission is reported at low
 * severity, saying who chooses the data; the same flow behind an open API keeps the family's scale.
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

const API_EVENTS = `      Events:
        Read:
          Type: Api
          Properties:
            Path: /read
            Method: GET
`;

describe('flows of functions without a trigger', () => {
  const untriggered = tempProject({ 'template.yaml': template(''), 'src/app.py': HANDLER });
  const behindApi = tempProject({ 'template.yaml': template(API_EVENTS), 'src/app.py': HANDLER });
  after(() => {
    removeProject(untriggered);
    removeProject(behindApi);
  });

  it('reports them at low severity, naming who chooses the data', async () => {
    const { findings } = await scan(untriggered, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.severity]), [['path-traversal', 'src/app.py', 2, 'low']]);
    assert.match(findings[0]!.message, /no trigger: whoever invokes it directly/);
  });

  it('keeps the scale of the family behind an open API', async () => {
    const { findings } = await scan(behindApi, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.line, f.severity]), [['path-traversal', 2, 'critical']]);
  });
});
