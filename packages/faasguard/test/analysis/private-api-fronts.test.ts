/**
 * A private REST API is on the internet when an internet-facing load balancer forwards to the
 * addresses of an `execute-api` VPC endpoint its resource policy admits (the addresses read from a
 * custom resource handed the endpoint): its open routes are public, its functions too, and the
 * stage rules judge it as a public API. Without such a load balancer, or when the policy keeps the
 * endpoint out, it stays held back by the network. Terraform reads the address through a
 * `data "aws_network_interface"` of the endpoint's `network_interface_ids`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { apiStageWithoutAccessLogs } from '../../src/rules/monitoring/api-stage-without-access-logs.js';
import { endpointFronts } from '../../src/model/facts/load-balancer-endpoint-targets.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

interface Variant {
  scheme?: string;
  type?: string;
  /** The resource policy's second statement */
  deny?: string;
  /** What the target group registers */
  targets?: string;
  /** What the custom resource is handed besides its service token */
  handed?: string;
}

const DENY_OTHER_ENDPOINTS = `          - Effect: Deny
            Principal: "*"
            Action: execute-api:Invoke
            Resource: execute-api:/*
            Condition:
              StringNotEquals:
                aws:SourceVpce: !Ref ApiEndpoint`;

const TARGETS = `        - Id: !GetAtt EndpointIps.PrivateIp1
          Port: 443
        - Id: !GetAtt EndpointIps.PrivateIp2
          Port: 443`;

/** Line 40: the method's `AuthorizationType`; line 89: the listener's `DefaultActions`. */
function template(v: Variant = {}): string {
  return `Parameters:
  Vpc:
    Type: AWS::EC2::VPC::Id
Resources:
  ApiEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub com.amazonaws.\${AWS::Region}.execute-api
      VpcEndpointType: Interface
      VpcId: !Ref Vpc
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: private
      EndpointConfiguration:
        Types: [PRIVATE]
      Policy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: execute-api:Invoke
            Resource: execute-api:/*
${v.deny ?? DENY_OTHER_ENDPOINTS}
  Items:
    Type: AWS::ApiGateway::Resource
    Properties:
      ParentId: !GetAtt Api.RootResourceId
      PathPart: items
      RestApiId: !Ref Api
  GetItems:
    Type: AWS::ApiGateway::Method
    Properties:
      AuthorizationType: NONE
      HttpMethod: GET
      ResourceId: !Ref Items
      RestApiId: !Ref Api
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Backend.Arn}/invocations
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: GetItems
    Properties:
      RestApiId: !Ref Api
      StageName: v1
  Backend:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/backend
      Code:
        ZipFile: "def handler(e, c): return {'statusCode': 200}"
  EndpointIps:
    Type: Custom::EndpointIps
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:lookup
      NetworkInterfaceIds: !GetAtt ApiEndpoint.NetworkInterfaceIds
${v.handed ?? ''}  Targets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 443
      Protocol: TLS
      TargetType: ip
      VpcId: !Ref Vpc
      Targets:
${v.targets ?? TARGETS}
  PublicNlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: ${v.type ?? 'network'}
      Scheme: ${v.scheme ?? 'internet-facing'}
      Subnets: [subnet-1, subnet-2]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
      LoadBalancerArn: !Ref PublicNlb
      Port: 443
      Protocol: TLS
`;
}

const LISTENER_LINE = 89;

async function routeFinding(v: Variant = {}): Promise<{ severity: string; message: string; related: string[] }> {
  const result = await scan(project({ 'template.yaml': template(v) }), { noCache: true, rules: [apiRouteWithoutAuth] });
  assert.equal(result.findings.length, 1);
  const f = result.findings[0]!;
  assert.equal(f.location.line, 40);
  return { severity: f.severity, message: f.message, related: f.related.map((r) => `${r.message}@${r.loc.line}`) };
}

const HELD_BACK = /\(a private API: anyone in the VPCs and behind the endpoints its resource policy admits\) can call it\.$/;

describe('private API behind an internet-facing load balancer', () => {
  it('the load balancer forwards to the endpoint whose addresses a custom resource looks up', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template() }));
    assert.deepEqual(
      endpointFronts(model).map((f) => [f.endpoint.logicalId, f.loadBalancer.logicalId, f.targetGroup.logicalId, f.loc.line]),
      [['ApiEndpoint', 'PublicNlb', 'Targets', LISTENER_LINE]],
    );
  });

  it('its open route is public, at high, with the load balancer named and pointed at', async () => {
    const f = await routeFinding();
    assert.equal(f.severity, 'high');
    assert.match(f.message, /anyone who can reach the API \(a private API, but the internet-facing load balancer PublicNlb forwards to VPC endpoint ApiEndpoint: anyone on the internet\) can call it\.$/);
    assert.ok(f.related.includes(`listener of load balancer PublicNlb@${LISTENER_LINE}`), f.related.join(', '));
  });

  it('an Application Load Balancer does the same', async () => {
    assert.equal((await routeFinding({ type: 'application' })).severity, 'high');
  });

  it('the function is public, by the route, through the load balancer', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template() }));
    const fn = model.functions.find((f) => f.logicalId === 'Backend')!;
    const paths = computeExposure(model).get(fn.id)!.paths;
    assert.equal(paths[0]!.level, 'public');
    assert.equal(paths[0]!.description, 'anyone on the internet through the internet-facing load balancer PublicNlb in front of VPC endpoint ApiEndpoint can call GET /items of Api (no authorization), which invokes Backend');
    assert.deepEqual(paths[0]!.steps.map((s) => s.loc.line), [40, LISTENER_LINE]);
  });

  it('the stage rules judge it as a public API', async () => {
    const result = await scan(project({ 'template.yaml': template() }), { noCache: true, rules: [apiWithoutThrottling, apiStageWithoutAccessLogs] });
    const byRule = new Map(result.findings.map((f) => [f.ruleId, f]));
    assert.equal(byRule.get('api-stage-without-access-logs')?.severity, 'medium');
    assert.match(byRule.get('api-without-throttling')?.message ?? '', /: anyone on the internet through the internet-facing load balancer PublicNlb in front of VPC endpoint ApiEndpoint can send requests/);
  });

  it('an internal load balancer leaves the API held back by the network', async () => {
    const f = await routeFinding({ scheme: 'internal' });
    assert.equal(f.severity, 'medium');
    assert.match(f.message, HELD_BACK);
  });

  it('a resource policy that keeps the endpoint out leaves it held back', async () => {
    const otherOnly = DENY_OTHER_ENDPOINTS.replace('!Ref ApiEndpoint', 'vpce-0123456789abcdef0');
    assert.match((await routeFinding({ deny: otherOnly })).message, HELD_BACK);
    // A condition the scan cannot read may refuse it: not taken as admitting.
    const unreadable = DENY_OTHER_ENDPOINTS.replace('StringNotEquals:\n                aws:SourceVpce: !Ref ApiEndpoint', 'NotIpAddress:\n                aws:VpcSourceIp: 10.0.0.0/8');
    assert.match((await routeFinding({ deny: unreadable })).message, HELD_BACK);
  });

  it('a policy that denies calls from outside the endpoint VPC admits the endpoint', async () => {
    const vpcOnly = DENY_OTHER_ENDPOINTS.replace('aws:SourceVpce: !Ref ApiEndpoint', 'aws:SourceVpc: !Ref Vpc');
    assert.equal((await routeFinding({ deny: vpcOnly })).severity, 'high');
  });

  it('targets that are not the endpoint addresses are not taken for them', async () => {
    assert.match((await routeFinding({ targets: '        - Id: 10.0.0.5\n          Port: 443' })).message, HELD_BACK);
    // A custom resource handed more than the endpoint may answer anything.
    const handed = '      Bucket: !Ref Logs\n  Logs:\n    Type: AWS::S3::Bucket\n';
    assert.match((await routeFinding({ handed })).message, HELD_BACK);
  });
});

/** The Terraform form: the target's address read through a data source of the endpoint's interfaces. */
function terraform(internal: boolean): string {
  return `resource "aws_vpc_endpoint" "execute_api" {
  vpc_id            = "vpc-0123456789abcdef0"
  service_name      = "com.amazonaws.us-east-1.execute-api"
  vpc_endpoint_type = "Interface"
}

data "aws_network_interface" "nic" {
  id = tolist(aws_vpc_endpoint.execute_api.network_interface_ids)[0]
}

resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "policy" {
  rest_api_id = aws_api_gateway_rest_api.private.id
  policy      = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "\${aws_api_gateway_rest_api.private.execution_arn}*",
      "Condition": { "StringNotEquals": { "aws:sourceVpce": "\${aws_vpc_endpoint.execute_api.id}" } } },
    { "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "\${aws_api_gateway_rest_api.private.execution_arn}*" }
  ]
}
EOF
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.private.id
  resource_id   = aws_api_gateway_rest_api.private.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_lb" "public" {
  name               = "public"
  internal           = ${internal}
  load_balancer_type = "application"
  subnets            = ["subnet-1", "subnet-2"]
}

resource "aws_lb_target_group" "endpoint" {
  name        = "endpoint"
  port        = 443
  protocol    = "HTTPS"
  target_type = "ip"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_lb_target_group_attachment" "nic" {
  target_group_arn = aws_lb_target_group.endpoint.arn
  target_id        = data.aws_network_interface.nic.private_ip
  port             = 443
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.endpoint.arn
  }
}
`;
}

describe('private API behind an internet-facing load balancer, in Terraform', () => {
  it('the data source of the endpoint interface links the target to the endpoint', async () => {
    const { model } = await loadApp(project({ 'main.tf': terraform(false) }));
    assert.deepEqual(
      endpointFronts(model).map((f) => [f.endpoint.logicalId, f.loadBalancer.logicalId, f.loc.line]),
      [['aws_vpc_endpoint.execute_api', 'aws_lb.public', 64]],
    );
  });

  it('the open method is public, at high; behind an internal load balancer it is held back', async () => {
    const scanned = async (internal: boolean) => (await scan(project({ 'main.tf': terraform(internal) }), { noCache: true, rules: [apiRouteWithoutAuth] })).findings;
    const [open] = await scanned(false);
    assert.equal(open?.severity, 'high');
    assert.equal(open?.location.line, 36);
    assert.match(open?.message ?? '', /\(a private API, but the internet-facing load balancer aws_lb\.public forwards to VPC endpoint aws_vpc_endpoint\.execute_api: anyone on the internet\)/);
    const [held] = await scanned(true);
    assert.equal(held?.severity, 'medium');
  });
});
