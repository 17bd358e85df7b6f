/**
 * A Function URL with `AuthType: NONE` answers anyone only where everyone is granted both
 * `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction` (AWS's rule since October 2025): SAM's
 * `FunctionUrlConfig` writes both; a template that writes the URL itself must write the second.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { functionUrlWithoutAuth } from '../../src/rules/auth/function-url-without-auth.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { URL_INVOKE_GRANT } from '../helpers/function-url-grant.js';

const project = projectsRemovedAfterTests();

function template(grantInvoke: boolean): string {
  return `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/fn
      Code: { ZipFile: "def handler(e, c): return {}" }
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: NONE
  UrlPublic:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunctionUrl
      FunctionName: !Ref Fn
      Principal: '*'
      FunctionUrlAuthType: NONE
${grantInvoke ? URL_INVOKE_GRANT : ''}`;
}

const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: "def handler(e, c): return {}"
      FunctionUrlConfig:
        AuthType: NONE
`;

async function found(text: string): Promise<Array<[string, string]>> {
  const result = await scan(project({ 'template.yaml': text }), { noCache: true, rules: [functionUrlWithoutAuth] });
  return result.findings.map((f) => [f.severity, f.message.slice(f.message.indexOf('AuthType NONE: ') + 'AuthType NONE: '.length)]);
}

describe('function-url-without-auth and the grants a public URL needs', () => {
  it('says anyone can call a URL whose templates grant both actions, or that SAM makes', async () => {
    assert.deepEqual(await found(template(true)), [['high', 'anyone on the internet can invoke it directly.']]);
    assert.deepEqual(await found(SAM), [['high', 'anyone on the internet can invoke it directly.']]);
  });

  it('says a URL granted lambda:InvokeFunctionUrl alone answers 403, one grant from open, at low', async () => {
    assert.deepEqual(await found(template(false)), [[
      'low',
      'no permission of the templates grants everyone lambda:InvokeFunction, which AWS has required of a public Function URL since October 2025, so it answers 403 unless that grant is made outside them; the one grant that makes it work opens the function to anyone on the internet.',
    ]]);
  });
});
