/**
 * What findings say a grant allows: a grant whose write actions only create (`sqs:CreateQueue`)
 * creates new resources, one that publishes or queues messages sends them, and one of a bucket's
 * settings changes them: none overwrites; a function permission with an action other than invoking says which action it lets
 * another account call; a bucket open only to restores of archived objects is billed for them,
 * not overwritten; one of workflow actions says which workflows it starts, rewrites, stops or answers;
 * a list of powers is cut only past six; a statement's wildcards and its other actions are told apart;
 * a managed policy's grants limited to tagged resources are not on every resource.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** A template's role `name` that `service` may assume, down to its trust policy; more properties follow. */
const roleTrusting = (name: string, service: string): string => `Resources:
  ${name}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ${service} }
            Action: sts:AssumeRole
`;

const role = (actions: string): string => `${roleTrusting('Worker', 'lambda.amazonaws.com')}      Policies:
        - PolicyName: queues
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [${actions}]
                Resource: '*'
`;

async function wildcardWriteMessage(actions: string): Promise<string> {
  const result = await scan(project({ 'template.yaml': role(actions) }), { noCache: true });
  const found = result.findings.filter((f) => f.ruleId === 'iam-wildcard-resource-write');
  assert.equal(found.length, 1);
  return found[0]!.message;
}

describe('grant wording', () => {
  it('says a create-only grant creates new resources', async () => {
    const message = await wildcardWriteMessage('sqs:CreateQueue, rds:CreateDBInstance');
    assert.match(message, /create new databases and queues/);
    assert.doesNotMatch(message, /overwrite/);
  });

  it('says a grant that writes a queue, topic or stream changes it, and one that writes data overwrites it', async () => {
    const message = await wildcardWriteMessage('sqs:CreateQueue, sqs:SendMessage, sqs:SetQueueAttributes');
    assert.match(message, /change every queue\./);
    assert.doesNotMatch(message, /overwrite/);
    assert.match(await wildcardWriteMessage('dynamodb:PutItem, sqs:SetQueueAttributes'), /overwrite every item of every table and change every queue\./);
  });

  it('says what a grant of workflow actions starts, rewrites or answers', async () => {
    assert.match(await wildcardWriteMessage('states:StartExecution, states:StopExecution'), /can start any state machine of the account \(and so act with its role\) or stop its runs\./);
    assert.match(await wildcardWriteMessage('states:StopExecution'), /can stop or redrive any state machine's runs\./);
    assert.match(await wildcardWriteMessage('lambda:SendDurableExecutionCallbackSuccess'), /can complete any durable execution's callback whose id it has \(an approval it waits for, say\)\./);
    assert.match(await wildcardWriteMessage('lambda:SendDurableExecutionCallbackSuccess, lambda:StopDurableExecution'), /whose id it has \(an approval it waits for, say\) or stop any durable execution\./);
  });

  it('says that deleting every KMS key destroys what it encrypted', async () => {
    assert.match(await wildcardWriteMessage('kms:ScheduleKeyDeletion'), /can delete every customer managed KMS key \(and so everything encrypted with it\)\./);
    assert.match(await wildcardWriteMessage('kms:ScheduleKeyDeletion, secretsmanager:DeleteSecret'), /can delete every customer managed KMS key \(and so everything encrypted with it\) and every secret\./);
  });

  it('names every power up to six, the last ones too, and counts what is past them', async () => {
    // AWSLambda_FullAccess: passing roles, changing and invoking functions, and answering durable functions' callbacks, named last.
    const template = `${roleTrusting('Runner', 'ec2.amazonaws.com')}      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AWSLambda_FullAccess
`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true });
    const message = result.findings.find((f) => f.ruleId === 'iam-broad-managed-policy')?.message ?? '';
    assert.match(message, /can pass any role to lambda, change the code or configuration of every function, invoke every function of the account and complete any durable execution's callback whose id it has \(an approval it waits for, say\) or stop any durable execution\./);
    const routed = `Transform: AWS::Serverless-2016-10-31
Resources:
  Runner:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      InlineCode: "def handler(event, context):\\n    return {}"
      Policies:
        - AWSLambda_FullAccess
      Events:
        Run:
          Type: Api
          Properties:
            Path: /run
            Method: POST
`;
    const route = (await scan(project({ 'template.yaml': routed }), { noCache: true })).findings.find((f) => f.ruleId === 'api-route-without-auth')?.message ?? '';
    // The missing authorization is said before the role's powers, which no longer bury it.
    assert.match(route, /^Route POST \/run of API ServerlessRestApi has no authorization and invokes function Runner, whose role can pass any role to lambda, .* or stop any durable execution: anyone who can reach the API on the internet can call it\.$/);
    const eight = ['iam:PassRole', 'sts:AssumeRole', 'lambda:UpdateFunctionCode', 'lambda:InvokeFunction', 'states:StartExecution', 's3:DeleteObject', 'dynamodb:PutItem', 'secretsmanager:GetSecretValue'];
    assert.match(await wildcardWriteMessage(eight.join(', ')), / and 3 more things\./);
  });

  it("says a grant of a bucket's settings changes them, overwriting no object", async () => {
    const message = await wildcardWriteMessage('s3:CreateBucket, s3:PutBucketCORS');
    assert.match(message, /change the settings of every bucket and create new buckets/);
    assert.doesNotMatch(message, /overwrite/);
    // A bucket policy can open every object: that is still writing them.
    assert.match(await wildcardWriteMessage('s3:PutBucketPolicy'), /overwrite every object in every bucket/);
  });

  it('says what an AWS managed policy written with NotResource leaves out, and that its bucket writes change settings', async () => {
    const template = `${roleTrusting('Trainer', 'sagemaker.amazonaws.com')}      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true });
    const message = result.findings.find((f) => f.ruleId === 'iam-broad-managed-policy')?.message ?? '';
    assert.match(message, /on every resource but those its NotResource entries exclude:/);
    assert.match(message, /change the settings of every bucket and create new buckets/);
    assert.doesNotMatch(message, /overwrite every object/);
    // Its reads of secrets and objects on `*` hold only for those tagged for SageMaker (a ResourceTag or ExistingObjectTag condition).
    assert.doesNotMatch(message, /read every secret|read every object/);
  });

  it("says what a statement's wildcards allow apart from what the actions written beside them add", async () => {
    const result = await scan(project({ 'template.yaml': role('kms:*, secretsmanager:*, iam:AttachRolePolicy') }), { noCache: true });
    const message = result.findings.find((f) => f.ruleId === 'iam-wildcard-action')?.message ?? '';
    assert.match(message, /grants kms:\* and secretsmanager:\* \(\d+ actions\) on every resource \(\*\): .*: enough to delete every customer managed KMS key \(and so everything encrypted with it\) and every secret, overwrite every secret and read every secret; its other action \(iam:AttachRolePolicy\) can change any IAM role, user or policy\./);
  });

  it("names an AWS managed policy's actions that give what it says as some among others, when the policy grants more", async () => {
    const template = `${roleTrusting('Reader', 'lambda.amazonaws.com')}      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess
`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true });
    const message = result.findings.find((f) => f.ruleId === 'iam-broad-managed-policy')?.message ?? '';
    assert.match(message, /AmazonSSMReadOnlyAccess, which grants, among others, ssm:GetParameter, ssm:GetParameterHistory, ssm:GetParameters and 1 more action on every resource: .* read every parameter/);
  });

  it("names a managed policy's whole services with its other actions on every resource, and what a whole telemetry service allows", async () => {
    const said = async (policy: string): Promise<string> => {
      const template = `${roleTrusting('Worker', 'lambda.amazonaws.com')}      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/${policy}
`;
      const result = await scan(project({ 'template.yaml': template }), { noCache: true });
      const message = result.findings.find((f) => f.ruleId === 'iam-broad-managed-policy')?.message ?? '';
      return message.slice(message.indexOf(', which grants'), message.indexOf('. Replace'));
    };
    assert.equal(await said('AWSLambdaExecute'), ", which grants every action of logs, and s3:GetObject and s3:PutObject, on every resource: whoever acts with the role (it is assumed by lambda.amazonaws.com) can overwrite every object in every bucket and read every object in every bucket; and delete every log group and read every log, erasing or reading the record of what runs in the account");
    assert.equal(await said('CloudWatchLogsFullAccess'), ", which grants every action of logs on every resource: whoever acts with the role (it is assumed by lambda.amazonaws.com) can delete every log group and read every log, erasing or reading the record of what runs in the account");
  });

  it("counts the actions a wildcard expands to, not the statement's others, and says that a scoped statement's act on its resource", async () => {
    const message = async (actions: string, resource: string): Promise<string> => {
      const template = `${roleTrusting('Writer', 'lambda.amazonaws.com')}      Policies:
        - PolicyName: logs
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [${actions}]
                Resource: ${resource}
`;
      const result = await scan(project({ 'template.yaml': template }), { noCache: true });
      return result.findings.find((f) => f.ruleId === 'iam-wildcard-action')?.message ?? '';
    };
    const count = (m: string): string | undefined => /grants logs:\* \((\d+) actions\)/.exec(m)?.[1];
    const alone = await message('logs:*', "'*'");
    const mixed = await message('logs:*, s3:PutObject, sqs:SendMessage', "'*'");
    assert.ok(Number(count(alone)) > 50);
    assert.equal(count(mixed), count(alone));
    assert.match(alone, /can call every one of them\. /);
    assert.match(await message('logs:*', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:*'), /can call every one of them that acts on it\. /);
  });

  it('says what Lambda writes do to functions: change their code, delete them, choose their events, or change their settings', async () => {
    assert.match(await wildcardWriteMessage('lambda:UpdateFunctionCode, lambda:DeleteFunction'), /change the code or configuration of every function\./);
    const deletes = await wildcardWriteMessage('lambda:DeleteFunction, lambda:CreateEventSourceMapping');
    assert.match(deletes, /delete every function and choose the events that invoke every function\./);
    assert.doesNotMatch(deletes, /code/);
    assert.match(await wildcardWriteMessage('lambda:AddPermission'), /change the settings of every function\./);
  });

  it('says the Data APIs reach the databases whose credentials the role holds', async () => {
    assert.match(await wildcardWriteMessage('rds-data:ExecuteStatement'), /overwrite every database whose secret it can read/);
    assert.match(await wildcardWriteMessage('redshift-data:ExecuteStatement'), /overwrite every data warehouse it can sign in to/);
  });

  it('says a grant that publishes or queues messages sends them, overwriting nothing', async () => {
    const message = await wildcardWriteMessage('sns:Publish, sqs:SendMessage');
    assert.match(message, /send messages to every topic and every queue/);
    assert.doesNotMatch(message, /overwrite/);
    assert.match(await wildcardWriteMessage('sns:CreateTopic, sns:Publish'), /create new topics and send messages to every topic/);
  });

  it('names the action a cross-account permission grants when it is not invoking', async () => {
    const dir = project({
      'template.yaml': `Resources:
  Manage:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: arn:aws:lambda:us-east-1:123456789012:function:billing
      Action: lambda:GetFunction
      Principal: '444455556666'
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: arn:aws:lambda:us-east-1:123456789012:function:billing
      Action: lambda:InvokeFunction
      Principal: '444455556666'
`,
    });
    const result = await scan(dir, { noCache: true });
    const messages = result.findings.filter((f) => f.ruleId === 'lambda-permission-cross-account').map((f) => f.message).sort();
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /^Permission Invoke lets account 444455556666 invoke function/);
    assert.match(messages[1]!, /^Permission Manage lets account 444455556666 call lambda:GetFunction on function/);
  });

  it('says a public restore-only bucket grant costs money and changes no object', async () => {
    const bucket = (action: string): string => `Resources:
  Archive:
    Type: AWS::S3::Bucket
  ArchivePolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Archive
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: ${action}
            Resource: !Sub '\${Archive.Arn}/*'
`;
    const restore = (await scan(project({ 'template.yaml': bucket('s3:RestoreObject') }), { noCache: true })).findings.filter((f) => f.ruleId === 'bucket-public-write');
    assert.equal(restore.length, 1);
    assert.equal(restore[0]!.severity, 'medium');
    assert.match(restore[0]!.message, /restore its archived objects/);
    assert.doesNotMatch(restore[0]!.message, /upload/);
    const put = (await scan(project({ 'template.yaml': bucket('[s3:RestoreObject, s3:PutObject]') }), { noCache: true })).findings.filter((f) => f.ruleId === 'bucket-public-write');
    assert.equal(put[0]?.severity, 'high');
    assert.match(put[0]!.message, /upload, overwrite and delete/);
  });
});
