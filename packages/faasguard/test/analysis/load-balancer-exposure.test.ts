/**
 * An internet-facing Application Load Balancer that forwards to a function makes it public, or
 * reached by the users it signs in; its invoke permission, even without a source condition, lets
 * only the account's own target groups in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp } from '../../src/scan/scan.js';
import { FORWARD_TO_TARGETS, loadBalancerApp } from '../helpers/load-balancer-app.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** The load balancer's own invoke permission, without a source condition. */
const INVOKE = `  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Handler
      Principal: elasticloadbalancing.amazonaws.com
`;


const SIGN_IN = `        - Type: authenticate-cognito
          Order: 1
          AuthenticateCognitoConfig:
            UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc
            UserPoolClientId: client
            UserPoolDomain: shop
        - Type: forward
          Order: 2
          TargetGroupArn: !Ref Targets`;

async function exposure(scheme: string, actions: string): Promise<Array<[string, string]>> {
  const { model } = await loadApp(project({ 'template.yaml': loadBalancerApp('lambda', '!GetAtt Handler.Arn', scheme, { actions, more: INVOKE }) }));
  const fn = model.functions.find((f) => f.logicalId === 'Handler')!;
  return computeExposure(model).get(fn.id)!.paths.map((p) => [p.level, p.description]);
}

describe('load balancer exposure', () => {
  it('an internet-facing load balancer that forwards to the function makes it public', async () => {
    assert.deepEqual(await exposure('internet-facing', FORWARD_TO_TARGETS), [
      ['public', 'anyone on the internet can send requests to listener Listener (port 80) of load balancer Web, which forwards them to Handler'],
      ['account', "any resource of elasticloadbalancing.amazonaws.com in the function's account can invoke Handler through permission Invoke"],
    ]);
  });

  it('one that signs the caller in first lets its users in; an internal one, nobody from the internet', async () => {
    assert.deepEqual((await exposure('internet-facing', SIGN_IN))[0], ['authenticated', 'users the load balancer signs in can send requests to listener Listener (port 80) of load balancer Web, which forwards them to Handler']);
    assert.deepEqual(await exposure('internal', FORWARD_TO_TARGETS), [
      ['account', "any resource of elasticloadbalancing.amazonaws.com in the function's account can invoke Handler through permission Invoke"],
      ['internal', 'alb events from Targets invoke Handler'],
    ]);
  });
});
