/**
 * Services that hand a function a request, a record batch or a connection attempt are its
 * triggers: a VPC Lattice target group, an S3 Object Lambda access point, a Firehose processor and
 * an IoT custom authorizer, from CloudFormation and Terraform alike. Who reaches the function
 * follows from the service: an authorizer without signing is open to the internet, one with
 * signing to the holders of the key; an Object Lambda access point to the account's principals;
 * Lattice and Firehose to the application's own network and producers. The fields their callers
 * choose are what the code analysis follows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import type { AppModel } from '../../src/model/app-model.js';
import { commandInjection } from '../../src/rules/injection/command-injection.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { terraformFunction } from '../helpers/terraform-function.js';

const project = projectsRemovedAfterTests();

function fn(name: string): string {
  return `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: ${name.toLowerCase()}.handler
      CodeUri: src/
`;
}

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
${fn('Lattice')}${fn('Resize')}${fn('Transform')}${fn('Open')}${fn('Signed')}${fn('Actions')}${fn('Hook')}${fn('SignIn')}${fn('InVpc')}  Targets:
    Type: AWS::VpcLattice::TargetGroup
    Properties:
      Type: LAMBDA
      Targets:
        - Id: !GetAtt Lattice.Arn
  Point:
    Type: AWS::S3ObjectLambda::AccessPoint
    Properties:
      ObjectLambdaConfiguration:
        SupportingAccessPoint: arn:aws:s3:us-east-1:123456789012:accesspoint/images
        TransformationConfigurations:
          - Actions: [GetObject]
            ContentTransformation:
              AwsLambda:
                FunctionArn: !GetAtt Resize.Arn
  Delivery:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      HttpEndpointDestinationConfiguration:
        EndpointConfiguration: { Url: https://collector.example.com }
        ProcessingConfiguration:
          Enabled: true
          Processors:
            - Type: Lambda
              Parameters:
                - ParameterName: BufferSizeInMBs
                  ParameterValue: '1'
                - ParameterName: LambdaArn
                  ParameterValue: !GetAtt Transform.Arn
  OpenAuthorizer:
    Type: AWS::IoT::Authorizer
    Properties:
      AuthorizerFunctionArn: !GetAtt Open.Arn
      SigningDisabled: true
  SignedAuthorizer:
    Type: AWS::IoT::Authorizer
    Properties:
      AuthorizerFunctionArn: !GetAtt Signed.Arn
      TokenKeyName: token
      TokenSigningPublicKeys: { key: '-----BEGIN PUBLIC KEY-----' }
  Agent:
    Type: AWS::Bedrock::Agent
    Properties:
      AgentName: assistant
      ActionGroups:
        - ActionGroupName: orders
          ActionGroupExecutor:
            Lambda: !GetAtt Actions.Arn
  Repository:
    Type: AWS::CodeCommit::Repository
    Properties:
      RepositoryName: app
      Triggers:
        - Name: on-push
          DestinationArn: !GetAtt Hook.Arn
          Events: [all]
  Sftp:
    Type: AWS::Transfer::Server
    Properties:
      IdentityProviderType: AWS_LAMBDA
      IdentityProviderDetails:
        Function: !GetAtt SignIn.Arn
  PrivateSftp:
    Type: AWS::Transfer::Server
    Properties:
      EndpointType: VPC
      EndpointDetails: { VpcId: vpc-1, SubnetIds: [subnet-1] }
      IdentityProviderType: AWS_LAMBDA
      IdentityProviderDetails:
        Function: !GetAtt InVpc.Arn
`;

const LATTICE = `import subprocess


def handler(event, context):
    # ruleid: command-injection
    subprocess.run("grep " + event["body"], shell=True)
    # ok: command-injection
    subprocess.run("echo " + event["requestContext"]["serviceNetworkArn"], shell=True)
`;

const ACTIONS = `import subprocess


def handler(event, context):
    # ruleid: command-injection
    subprocess.run("lookup " + event["parameters"][0]["value"], shell=True)
    # ok: command-injection
    subprocess.run("echo " + event["agent"]["name"], shell=True)
`;

const SIGN_IN = `import subprocess


def handler(event, context):
    # ruleid: command-injection
    subprocess.run("id " + event["username"], shell=True)
    # ok: command-injection
    subprocess.run("echo " + event["serverId"], shell=True)
`;

function triggersOf(model: AppModel): Array<[string, string, boolean]> {
  return model.triggers.map((t) => [model.functions.find((f) => f.id === t.functionId)!.logicalId, t.kind, t.asynchronous]).sort() as Array<[string, string, boolean]>;
}

function levels(model: AppModel): Array<[string, string]> {
  const exposure = computeExposure(model);
  return model.functions.map((f) => [f.logicalId, exposure.get(f.id)!.level] as [string, string]).sort();
}

describe('services that invoke functions with their callers’ requests', () => {
  it('are triggers, each of its own kind, invoked synchronously', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    assert.deepEqual(triggersOf(model), [
      ['Actions', 'bedrock-agent', false],
      ['Hook', 'codecommit', true],
      ['InVpc', 'transfer-identity-provider', false],
      ['Lattice', 'vpc-lattice', false],
      ['Open', 'iot-authorizer', false],
      ['Resize', 's3-object-lambda', false],
      ['SignIn', 'transfer-identity-provider', false],
      ['Signed', 'iot-authorizer', false],
      ['Transform', 'kinesis-firehose', false],
    ]);
  });

  it('reach the function as far as the service lets its callers in', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    assert.deepEqual(levels(model), [
      ['Actions', 'account'],
      ['Hook', 'account'],
      ['InVpc', 'internal'],
      ['Lattice', 'internal'],
      ['Open', 'public'],
      ['Resize', 'account'],
      ['SignIn', 'public'],
      ['Signed', 'authenticated'],
      ['Transform', 'internal'],
    ]);
    const open = model.functions.find((f) => f.logicalId === 'Open')!;
    assert.equal(computeExposure(model).get(open.id)!.paths[0]!.description, 'anyone on the internet can connect to AWS IoT through IoT authorizer OpenAuthorizer, whose signing is disabled, and so invoke Open');
    const signIn = model.functions.find((f) => f.logicalId === 'SignIn')!;
    assert.equal(computeExposure(model).get(signIn.id)!.paths[0]!.description, 'anyone on the internet can sign in to Transfer server Sftp, which asks SignIn to check the user name and password');
  });

  it("carry the caller's fields, not those the service fills in", async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE, 'src/lattice.py': LATTICE, 'src/actions.py': ACTIONS, 'src/signin.py': SIGN_IN }), { noCache: true, rules: [commandInjection] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.location.line]).sort(), [['src/actions.py', 6], ['src/lattice.py', 6], ['src/signin.py', 6]]);
    assert.match(result.findings.find((f) => f.location.file === 'src/signin.py')!.message, /^User name of a Transfer Family sign-in from Sftp \(open to anyone\) reaches `subprocess.run`/);
    const message = (file: string) => result.findings.find((f) => f.location.file === file)!.message;
    assert.match(message('src/lattice.py'), /^Request body of a VPC Lattice request from Targets reaches `subprocess.run`/);
    assert.match(message('src/actions.py'), /^Action parameters of a Bedrock agent's action call from Agent \(principals of the account\) reaches `subprocess.run`/);
  });

  it('are read from Terraform too', async () => {
    const dir = project({
      'main.tf': `${['lattice', 'resize', 'transform', 'authorize', 'actions', 'hook', 'signin'].map(terraformFunction).join('\n')}
resource "aws_transfer_server" "sftp" {
  identity_provider_type = "AWS_LAMBDA"
  function               = aws_lambda_function.signin.arn
  protocols              = ["SFTP"]
}

resource "aws_bedrockagent_agent" "assistant" {
  agent_name              = "assistant"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "amazon.nova-pro-v1:0"
}

resource "aws_bedrockagent_agent_action_group" "orders" {
  action_group_name = "orders"
  agent_id          = aws_bedrockagent_agent.assistant.agent_id
  agent_version     = "DRAFT"
  action_group_executor {
    lambda = aws_lambda_function.actions.arn
  }
}

resource "aws_codecommit_repository" "app" {
  repository_name = "app"
}

resource "aws_codecommit_trigger" "push" {
  repository_name = aws_codecommit_repository.app.repository_name
  trigger {
    name            = "on-push"
    events          = ["all"]
    destination_arn = aws_lambda_function.hook.arn
  }
}

resource "aws_vpclattice_target_group" "targets" {
  name = "targets"
  type = "LAMBDA"
}

resource "aws_vpclattice_target_group_attachment" "lattice" {
  target_group_identifier = aws_vpclattice_target_group.targets.id
  target {
    id = aws_lambda_function.lattice.arn
  }
}

resource "aws_s3control_object_lambda_access_point" "point" {
  name = "point"
  configuration {
    supporting_access_point = "arn:aws:s3:us-east-1:123456789012:accesspoint/images"
    transformation_configuration {
      actions = ["GetObject"]
      content_transformation {
        aws_lambda {
          function_arn = aws_lambda_function.resize.arn
        }
      }
    }
  }
}

resource "aws_kinesis_firehose_delivery_stream" "delivery" {
  name        = "delivery"
  destination = "extended_s3"
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::logs"
    processing_configuration {
      enabled = true
      processors {
        type = "Lambda"
        parameters {
          parameter_name  = "LambdaArn"
          parameter_value = "\${aws_lambda_function.transform.arn}:$LATEST"
        }
      }
    }
  }
}

resource "aws_iot_authorizer" "devices" {
  name                    = "devices"
  authorizer_function_arn = aws_lambda_function.authorize.arn
  signing_disabled        = true
}
`,
    });
    const { model } = await loadApp(dir, { terraform: true });
    assert.deepEqual(triggersOf(model), [
      ['aws_lambda_function.actions', 'bedrock-agent', false],
      ['aws_lambda_function.authorize', 'iot-authorizer', false],
      ['aws_lambda_function.hook', 'codecommit', true],
      ['aws_lambda_function.lattice', 'vpc-lattice', false],
      ['aws_lambda_function.resize', 's3-object-lambda', false],
      ['aws_lambda_function.signin', 'transfer-identity-provider', false],
      ['aws_lambda_function.transform', 'kinesis-firehose', false],
    ]);
    assert.deepEqual(levels(model), [
      ['aws_lambda_function.actions', 'account'],
      ['aws_lambda_function.authorize', 'public'],
      ['aws_lambda_function.hook', 'account'],
      ['aws_lambda_function.lattice', 'internal'],
      ['aws_lambda_function.resize', 'account'],
      ['aws_lambda_function.signin', 'public'],
      ['aws_lambda_function.transform', 'internal'],
    ]);
  });
});
