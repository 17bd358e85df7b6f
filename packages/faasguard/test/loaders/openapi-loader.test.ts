/**
 * AWS::Include and OpenAPI definitions: included files are read inside the scan root only, with
 * their own locations; every operation with an integration becomes a route to its function or
 * service, with the authorization API Gateway (and SAM before it) gives it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AppModel, Route } from '../../src/model/app-model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'openapi', 'app');
const TEMPLATE = fs.readFileSync(path.join(DIR, 'template.yaml'), 'utf8');

let model: AppModel;
let diagnostics: Diagnostic[];

before(async () => {
  ({ model, diagnostics } = await loadApp(DIR));
});

function route(api: string, method: string, routePath: string): Route {
  const found = model.routes.filter((r) => r.apiId === `template.yaml/${api}` && r.method === method && r.path === routePath);
  assert.equal(found.length, 1, `one route ${method} ${routePath} of ${api}, got ${found.length}`);
  return found[0]!;
}

function codes(code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe('AWS::Include', () => {
  it('reads an included definition with the included file\'s locations', () => {
    const admin = route('IncludedApi', 'DELETE', '/admin');
    assert.equal(admin.functionId, 'template.yaml/AdminFn');
    assert.deepEqual([admin.loc.file, admin.loc.line], ['api/openapi.yaml', 6]);
    assert.deepEqual([admin.auth.type, admin.auth.loc.file, admin.auth.loc.line], ['none', 'api/openapi.yaml', 6]);
  });

  it('merges an include at the top level of Resources into the resources', () => {
    const fn = model.functions.find((f) => f.logicalId === 'IncludedFn');
    assert.ok(fn, 'the included function is a function of the model');
    assert.deepEqual([fn.loc.file, fn.loc.line], ['resources.yaml', 1]);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'malformed-template'), []);
  });

  it('reports a missing file once, at its Location', () => {
    const missing = codes('file-not-found');
    assert.equal(missing.length, 1);
    assert.deepEqual([missing[0]!.loc.file, missing[0]!.loc.line], ['template.yaml', lineOf(TEMPLATE, 'api/missing.yaml')]);
    assert.ok(!model.routes.some((r) => r.apiId === 'template.yaml/MissingApi'));
  });

  it('refuses a Location outside the scanned directory, though the file exists', () => {
    assert.ok(fs.existsSync(path.join(DIR, '..', 'outside.yaml')));
    const outside = codes('path-outside-project');
    assert.equal(outside.length, 1);
    assert.equal(outside[0]!.loc.line, lineOf(TEMPLATE, '../outside.yaml'));
    assert.ok(!model.routes.some((r) => r.path === '/leak'));
  });

  it('leaves an S3 Location unknown with one note, and the evaluator silent', () => {
    const notes = codes('include-not-read');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.loc.line, lineOf(TEMPLATE, 's3://specs/api.yaml'));
    assert.deepEqual(codes('unknown-function'), []);
  });

  it('reports a loop of includes once and goes on', async () => {
    const include = (file: string): string => `Fn::Transform:\n  Name: AWS::Include\n  Parameters:\n    Location: ${file}\n`;
    const dir = tempProject({
      'template.yaml': 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters:\n            Location: a.yaml\n',
      'a.yaml': include('b.yaml'),
      'b.yaml': include('a.yaml'),
    });
    try {
      const loaded = await loadApp(dir);
      const loops = loaded.diagnostics.filter((d) => d.code === 'reference-cycle');
      assert.deepEqual(loops.map((d) => [d.loc.file, d.message]), [['b.yaml', 'AWS::Include loop: template.yaml → a.yaml → b.yaml → a.yaml']]);
      assert.ok(loaded.model.resources.some((r) => r.logicalId === 'Queue'));
    } finally {
      removeProject(dir);
    }
  });

  it('refuses a symbolic link that leaves the scanned directory', async () => {
    const outer = tempProject({ 'secret.yaml': 'openapi: "3.0.1"\npaths:\n  /leak:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n' });
    const dir = path.join(outer, 'project');
    fs.mkdirSync(dir);
    fs.symlinkSync(path.join(outer, 'secret.yaml'), path.join(dir, 'link.yaml'));
    fs.writeFileSync(path.join(dir, 'template.yaml'), 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters:\n            Location: link.yaml\n');
    try {
      const loaded = await loadApp(dir);
      assert.deepEqual(loaded.diagnostics.filter((d) => d.code === 'path-outside-project').map((d) => d.loc.line), [11]);
      assert.deepEqual(loaded.model.routes, []);
    } finally {
      removeProject(outer);
    }
  });
});

describe('findings in an included definition', () => {
  it('are suppressed by a comment in the included file', async () => {
    const dir = tempProject({
      'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody:\n        Fn::Transform:\n          Name: AWS::Include\n          Parameters:\n            Location: api.yaml\n',
      'api.yaml': 'paths:\n  /status:\n    # faasguard-ignore api-route-without-auth: the health check is public by design\n    get:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        uri: https://backend.example.com/status\n  /orders:\n    get:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        uri: https://backend.example.com/orders\n',
    });
    try {
      const result = await scan(dir, { rules: [apiRouteWithoutAuth] });
      assert.deepEqual(result.findings.map((f) => [f.location.file, f.location.line]), [['api.yaml', 9]]);
      assert.deepEqual((result.suppressed ?? []).map((f) => [f.location.file, f.location.line]), [['api.yaml', 4]]);
    } finally {
      removeProject(dir);
    }
  });
});

describe('OpenAPI routes', () => {
  it('reads Swagger 2 security definitions: Cognito, token authorizer, SigV4 and API key', () => {
    assert.deepEqual(authOf(route('SwaggerApi', 'GET', '/cognito')), ['cognito', 'UserPool', false]);
    assert.deepEqual(authOf(route('SwaggerApi', 'POST', '/token')), ['lambda', 'Token', false]);
    assert.deepEqual(authOf(route('SwaggerApi', 'ANY', '/iam')), ['iam', 'sigv4', false]);
    assert.deepEqual(authOf(route('SwaggerApi', 'GET', '/keyed')), ['none', undefined, true]);
    const cognito = route('SwaggerApi', 'GET', '/cognito');
    assert.equal(cognito.auth.loc.line, lineOf(TEMPLATE, '- UserPool: []'));
  });

  it('adds the authorizers a definition defines to its API', () => {
    const api = model.apis.find((a) => a.logicalId === 'SwaggerApi')!;
    const byName = Object.fromEntries(api.authorizers.map((a) => [a.name, a]));
    assert.deepEqual(Object.keys(byName).sort(), ['Token', 'UserPool']);
    assert.equal(byName['Token']!.functionId, 'template.yaml/AuthFn');
    assert.equal(byName['UserPool']!.type, 'cognito');
    assert.equal(byName['UserPool']!.loc.line, lineOf(TEMPLATE, 'UserPool:'));
  });

  it('links Lambda proxy and custom integrations to their function, with the trigger that exposes it', () => {
    const token = route('SwaggerApi', 'POST', '/token');
    assert.equal(token.functionId, 'template.yaml/AdminFn');
    assert.equal(token.integration?.kind, 'lambda');
    const trigger = model.triggers.find((t) => t.routeId === token.id);
    assert.deepEqual([trigger?.kind, trigger?.functionId, trigger?.sourceId], ['apigw-rest', 'template.yaml/AdminFn', 'template.yaml/SwaggerApi']);
    assert.equal(route('HttpApi', 'GET', '/me').functionId, 'template.yaml/AdminFn', 'an HTTP API names the function ARN itself');
  });

  it('models service, HTTP and mock integrations without a function', () => {
    const queue = route('SwaggerApi', 'POST', '/queue');
    assert.equal(queue.functionId, undefined);
    assert.deepEqual([queue.integration?.kind, queue.integration?.service, queue.integration?.targetId], ['aws-service', 'sqs', 'template.yaml/Orders']);
    const events = route('HttpApi', 'POST', '/events');
    assert.deepEqual([events.integration?.kind, events.integration?.service, events.integration?.targetId], ['aws-service', 'events', 'template.yaml/Bus']);
    const topic = route('SwaggerApi', 'POST', '/topic');
    assert.deepEqual([topic.integration?.kind, topic.integration?.service], ['aws-service', 'sns'], 'a ${AWS::Region} left as written');
    assert.equal(route('SwaggerApi', 'GET', '/keyed').integration?.kind, 'http');
    assert.equal(route('SwaggerApi', 'GET', '/mock').integration?.kind, 'mock');
    assert.ok(!model.triggers.some((t) => t.routeId === queue.id));
  });

  it('makes no route of an operation without an integration', () => {
    assert.ok(!model.routes.some((r) => r.path === '/docs'));
  });

  it('applies the document\'s security, and an operation\'s empty security overrides it (OpenAPI 3, JWT)', () => {
    assert.deepEqual(authOf(route('HttpApi', 'GET', '/me')), ['jwt', 'Jwt', false]);
    assert.deepEqual(authOf(route('HttpApi', 'GET', '/public')), ['none', undefined, false]);
    assert.equal(route('HttpApi', 'GET', '/public').auth.loc.line, lineOf(TEMPLATE, 'security: []'));
  });

  it('applies SAM\'s DefaultAuthorizer and ApiKeyRequired to the definition, unless the operation opts out', () => {
    assert.deepEqual(authOf(route('DefaultApi', 'GET', '/default')), ['cognito', 'Cognito', true]);
    assert.deepEqual(authOf(route('DefaultApi', 'GET', '/opted-out')), ['none', undefined, false]);
  });

  it('applies an HTTP API\'s DefaultAuthorizer to operations without security of their own, OPTIONS excepted', () => {
    assert.deepEqual(authOf(route('DefaultHttpApi', 'GET', '/h-default')), ['lambda', 'Lambda', false], 'SAM treats an empty security as none');
    assert.deepEqual(authOf(route('DefaultHttpApi', 'OPTIONS', '/h-default')), ['none', undefined, false]);
    assert.deepEqual(authOf(route('DefaultHttpApi', 'GET', '/h-own')), ['jwt', 'Partner', false]);
  });

  it("reads an operation's x-amazon-apigateway-auth type in any case: AWS_IAM, CUSTOM and COGNITO_USER_POOLS authenticate, NONE leaves it to security", async () => {
    const op = (type: string): string => `              x-amazon-apigateway-auth:
                type: ${type}
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
`;
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        openapi: 3.0.1
        info: {title: t, version: '1'}
        paths:
          /signed:
            post:
${op('aws_iam')}          /custom:
            post:
${op('CUSTOM')}          /pool:
            post:
${op('Cognito_User_Pools')}          /open:
            post:
${op('NONE')}  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: "def handler(event, context): pass"
`;
    const dir = tempProject({ 'template.yaml': template });
    try {
      const loaded = await loadApp(dir);
      const auth = (p: string): string | undefined => loaded.model.routes.find((r) => r.path === p)?.auth.type;
      assert.deepEqual(['/signed', '/custom', '/pool', '/open'].map(auth), ['iam', 'lambda', 'cognito', 'none']);
      assert.equal(loaded.model.routes.find((r) => r.path === '/signed')!.auth.loc.line, lineOf(template, 'type: aws_iam'));
      const open = (await scan(dir, { noCache: true, rules: [apiRouteWithoutAuth] })).findings.map((f) => f.subject?.logicalId);
      assert.deepEqual(open, ['Api POST /open']);
    } finally {
      removeProject(dir);
    }
  });

  it('keeps one route when a function event and the definition both define it', () => {
    const merged = route('DefaultApi', 'GET', '/merged');
    assert.equal(merged.id, 'template.yaml/AuthFn#Merged');
    assert.equal(model.triggers.filter((t) => t.routeId !== undefined && t.functionId === 'template.yaml/AuthFn').length, 1);
    assert.deepEqual(codes('reference-cycle'), [], 'a definition naming a function whose event names the API is no cycle');
  });

  it('still reports a cycle through a function that names the API outside its events', async () => {
    const dir = tempProject({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Api',
        '    Properties:',
        '      StageName: prod',
        '      DefinitionBody:',
        '        paths:',
        '          /x:',
        '            get:',
        '              x-amazon-apigateway-integration:',
        '                type: aws_proxy',
        '                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs20.x',
        '      Handler: index.handler',
        '      Environment:',
        '        Variables:',
        '          API: !Ref Api',
        '',
      ].join('\n'),
    });
    try {
      const loaded = await loadApp(dir);
      assert.equal(loaded.diagnostics.filter((d) => d.code === 'reference-cycle').length, 1);
    } finally {
      removeProject(dir);
    }
  });

  it("reads a REST API's resource policy from its definition's x-amazon-apigateway-policy, the resource's own first", async () => {
    const policy = ['      x-amazon-apigateway-policy:', '        Version: "2012-10-17"', '        Statement:', '          - Effect: Allow', '            Principal: "*"', '            Action: execute-api:Invoke', '            Resource: execute-api:/*', '            Condition:', '              StringEquals:', '                aws:sourceVpc: vpc-0abc'];
    const definition = (name: string, extra: string[] = []): string[] => [
      `  ${name}:`,
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: prod',
      ...extra,
      '      DefinitionBody:',
      '        openapi: "3.0.1"',
      ...policy.map((l) => `  ${l}`),
      '        paths:',
      '          /items:',
      '            get:',
      '              x-amazon-apigateway-integration:',
      '                type: mock',
    ];
    const dir = tempProject({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        ...definition('Private'),
        ...definition('Owned', ['      Auth:', '        ResourcePolicy:', '          CustomStatements:', '            - Effect: Deny', '              Principal: "*"', '              Action: execute-api:Invoke', '              Resource: execute-api:/*']),
        '',
      ].join('\n'),
    });
    try {
      const loaded = await loadApp(dir);
      const api = (id: string) => loaded.model.apis.find((a) => a.logicalId === id)!;
      const statement = api('Private').resourcePolicy?.statements[0];
      assert.deepEqual([statement?.effect, statement?.loc.line], ['Allow', 12]);
      assert.deepEqual(api('Owned').resourcePolicy?.statements.map((st) => st.effect), ['Deny'], "the resource's own policy is kept");
    } finally {
      removeProject(dir);
    }
  });

  it('reads a local DefinitionUri, and notes one in S3', () => {
    const fromFile = route('UriApi', 'GET', '/from-file');
    assert.deepEqual([fromFile.loc.file, fromFile.loc.line], ['api/definition.json', 6]);
    const notes = codes('openapi-not-read');
    assert.equal(notes.length, 1);
    assert.ok(notes[0]!.message.includes('BucketUriApi'));
  });
});

function authOf(r: Route): [string, string | undefined, boolean] {
  return [r.auth.type, r.auth.authorizer, r.auth.apiKeyRequired];
}

