/**
 * An API whose default endpoint is disabled and whose every custom domain asks for a client
 * certificate (mutual TLS) is reached only by clients holding a certificate the trust store
 * admits: its open routes are not public, and its functions are not said to be. A default endpoint
 * left on, or a domain without a trust store, leaves the routes public.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

interface Variant {
  disabled?: boolean;
  trustStore?: boolean;
}

/** Line 11: the API's `Target` (its `$default` route); line 20: the domain's `MutualTlsAuthentication`. */
function template(v: Variant = {}): string {
  return `Parameters:
  DomainName:
    Type: String
Resources:
  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: devices
      ProtocolType: HTTP
      DisableExecuteApiEndpoint: ${v.disabled ?? true}
      Target: !GetAtt Handler.Arn
  Domain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: !Ref DomainName
      DomainNameConfigurations:
        - EndpointType: REGIONAL
          CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
${v.trustStore === false ? '' : '      MutualTlsAuthentication:\n        TruststoreUri: s3://trust/ca.pem\n'}  Mapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties:
      DomainName: !Ref DomainName
      ApiId: !Ref HttpApi
      Stage: $default
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/handler
      Code:
        ZipFile: "def handler(e, c): return {'statusCode': 200}"
`;
}

async function routeFinding(v: Variant = {}): Promise<{ severity: string; message: string; line: number }> {
  const result = await scan(project({ 'template.yaml': template(v) }), { noCache: true, rules: [apiRouteWithoutAuth] });
  assert.equal(result.findings.length, 1);
  const f = result.findings[0]!;
  return { severity: f.severity, message: f.message, line: f.location.line };
}

describe('API reached only through custom domains that ask for a client certificate', () => {
  it('its open route is called by certificate holders only, at medium', async () => {
    const f = await routeFinding();
    assert.equal(f.severity, 'medium');
    assert.match(f.message, /with no authorization: only clients holding a certificate that the trust store of custom domain Domain admits can call it, since the API's default endpoint is disabled\.$/);
  });

  it('its function is reached by those clients, not by anyone on the internet', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template() }));
    const fn = model.functions.find((f) => f.logicalId === 'Handler')!;
    const paths = computeExposure(model).get(fn.id)!.paths.filter((p) => p.description.includes('$default'));
    assert.deepEqual(paths.map((p) => [p.level, p.steps.at(-1)?.loc.line]), [['authenticated', 20]]);
    assert.match(paths[0]!.description, /^clients holding a certificate that the trust store of custom domain Domain admits can call \$default of HttpApi/);
  });

  it('a default endpoint left on, or a domain without a trust store, leaves the route public', async () => {
    for (const v of [{ disabled: false }, { trustStore: false }]) {
      const f = await routeFinding(v);
      assert.equal(f.severity, 'high', JSON.stringify(v));
      assert.match(f.message, /anyone who can reach the API on the internet can call it\.$/);
    }
  });
});
