/**
 * Of chains equally wide, the one whose writer is told where to write (an environment variable
 * refers to the source) is named first: a hop that only the writer's role allows may never be made.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** A public function whose role may send to every queue; `env` names the queue it is told of. */
function sender(name: string, env: string): string {
  return `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      FunctionUrlConfig:
        AuthType: NONE
${env}      Policies:
        - Statement:
            - Effect: Allow
              Action: sqs:SendMessage
              Resource: '*'
`;
}

describe('the chain a message names', () => {
  it('goes through the writer whose configuration names the source, though another sorts first by name', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22.x
    Handler: app.handler
Resources:
  Jobs:
    Type: AWS::SQS::Queue
${sender('Alpha', '')}${sender('Beta', '      Environment:\n        Variables:\n          JOBS_URL: !Ref Jobs\n')}  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
`;
    const { model } = await loadApp(project({ 'template.yaml': template, 'app.js': 'exports.handler = async () => ({});\n' }));
    const worker = computeExposure(model).get('template.yaml/Worker');
    assert.equal(worker?.level, 'public');
    assert.deepEqual(worker?.paths.filter((p) => p.level === 'public').map((p) => p.description.split('; ')[1]), ['Beta can write to Jobs, which invokes Worker', 'Alpha can write to Jobs, which invokes Worker']);
  });
});
