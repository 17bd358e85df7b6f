/** Cognito app clients by user pool (model/facts/user-pool-client-facts.ts), from the model index. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { userPoolClients, clientsOfOutsidePools } from '../../src/model/facts/user-pool-client-facts.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { loadApp } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PoolA:
    Type: AWS::Cognito::UserPool
  ClientA1:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref PoolA
  PoolB:
    Type: AWS::Cognito::UserPool
  ClientOutside:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: us-east-1_abcdef
  ClientB1:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref PoolB
  ClientA2:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !GetAtt PoolA.UserPoolId
`;

describe('user pool clients', () => {
  it('gives each pool its own clients in template order, and the others apart', async () => {
    const dir = tempProject({ 'template.yaml': TEMPLATE });
    try {
      const { model } = await loadApp(dir);
      const pool = (name: string) => model.resources.find((r) => r.logicalId === name)!;
      const names = (list: Array<{ client: { logicalId: string } }>): string[] => list.map((c) => c.client.logicalId);
      assert.deepEqual(names(userPoolClients(model, pool('PoolA'))), ['ClientA1', 'ClientA2']);
      assert.deepEqual(names(userPoolClients(model, pool('PoolB'))), ['ClientB1']);
      assert.deepEqual(names(clientsOfOutsidePools(model)), ['ClientOutside']);
      assert.deepEqual(ModelIndex.of(model).resourcesOfType('AWS::Cognito::UserPool').map((r) => r.logicalId), ['PoolA', 'PoolB']);
      assert.deepEqual(ModelIndex.of(model).resourcesOfType('AWS::SQS::Queue'), []);
    } finally {
      removeProject(dir);
    }
  });
});
