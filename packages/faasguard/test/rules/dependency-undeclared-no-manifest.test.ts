/**
 * JavaScript that no package.json covers: nothing installs its packages, so `dependency-undeclared`
 * reports each one the function's runtime lacks, where a handler runs the importing file, and
 * leaves the code alone where something else may ship the package (its own node_modules, a layer).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { dependencyUndeclared } from '../../src/rules/dependencies/dependency-undeclared.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const fn = (id: string, handler: string, extra = ''): string => `  ${id}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: ${handler}.handler
      CodeUri: src/
${extra}`;
const template = (...functions: string[]): string => `Transform: AWS::Serverless-2016-10-31\nResources:\n${functions.join('')}`;
const V2 = "const AWS = require('aws-sdk');\nexports.handler = async () => new AWS.S3().listBuckets().promise();\n";

async function found(files: Record<string, string>): Promise<Array<{ at: string; message: string; related: string[] }>> {
  const result = await scan(project(files), { noCache: true, rules: [dependencyUndeclared] });
  return result.findings.map((f) => ({ at: `${f.location.file}:${f.location.line} ${f.subject?.logicalId}`, message: f.message, related: f.related.map((r) => `${r.loc.file}:${r.loc.line} ${r.message}`) }));
}

describe('dependency-undeclared where no package.json covers the code', () => {
  it('reports the AWS SDK v2 on nodejs20.x, names every function whose handler imports it, and says to move to v3', async () => {
    const [f, ...rest] = await found({ 'template.yaml': template(fn('Orders', 'orders'), fn('Stock', 'stock')), 'src/orders.js': V2, 'src/stock.js': `// stock\n${V2}` });
    assert.equal(rest.length, 0);
    assert.equal(f!.at, 'src/orders.js:1 Orders');
    assert.match(f!.message, /^The code of functions Orders, Stock imports 'aws-sdk', but aws-sdk is declared by no package\.json \(neither src nor a folder above it has one, so nothing installs it\), and the nodejs20\.x runtime does not include it/);
    assert.match(f!.message, /Move the code to the AWS SDK v3 \(`@aws-sdk\/client-…` clients, `@aws-sdk\/lib-dynamodb` for the DocumentClient\), which the runtime includes: the v2 SDK has been out of support since 8 September 2025\.$/);
    assert.ok(f!.related.includes('src/stock.js:2 also imported here'), f!.related.join('\n'));
  });

  it('reports any other package the runtime lacks, and says to add a package.json', async () => {
    const code = "const { v4 } = require('uuid');\nexports.handler = async () => v4();\n";
    const [f] = await found({ 'template.yaml': template(fn('Ids', 'ids')), 'src/ids.js': code });
    assert.equal(f?.at, 'src/ids.js:1 Ids');
    assert.match(f!.message, /and the Lambda runtime does not include it: the import fails at run time unless something else ships it\. Add a package\.json beside the code that declares it as a production dependency\.$/);
  });

  it("says that the import may load only through a layer when a function has layers and a package.json that does not declare it", async () => {
    const layered = '      Layers:\n        - arn:aws:lambda:us-east-1:123456789012:layer:crypto:3\n';
    const [f] = await found({ 'template.yaml': template(fn('Orders', 'orders', layered)), 'src/orders.js': V2, 'src/package.json': '{"name":"orders","dependencies":{}}' });
    assert.match(f!.message, /is not declared in src\/package\.json, and the nodejs20\.x runtime does not include it \(.*\): it loads only if one of the function's layers ships it \(itself, or as a dependency of one of the layer's packages\), which no manifest of the code shows, so its version is not locked and a layer update may remove it\./);
  });

  it('leaves alone code with its own node_modules, a function with layers, a file no handler runs, and the v3 clients', async () => {
    const layered = '      Layers:\n        - arn:aws:lambda:us-east-1:123456789012:layer:sdk:3\n';
    assert.deepEqual(await found({ 'template.yaml': template(fn('Orders', 'orders')), 'src/orders.js': V2, 'src/node_modules/aws-sdk/package.json': '{"name":"aws-sdk"}' }), []);
    assert.deepEqual(await found({ 'template.yaml': template(fn('Orders', 'orders', layered)), 'src/orders.js': V2 }), []);
    assert.deepEqual(await found({ 'template.yaml': template(fn('Orders', 'orders')), 'src/orders.js': 'exports.handler = async () => 1;\n', 'src/scripts/seed.js': V2 }), []);
    const v3 = "const { S3Client } = require('@aws-sdk/client-s3');\nexports.handler = async () => new S3Client({});\n";
    assert.deepEqual(await found({ 'template.yaml': template(fn('Orders', 'orders')), 'src/orders.js': v3 }), []);
  });

  it('judges Python the same way: imports at the top of a module, the folder\'s own modules and pip-installed packages left out', async () => {
    const py = (extra = ''): string => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Sync:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: src/\n${extra}`;
    const code = 'import json\nimport boto3\nimport requests\nimport helpers\ntry:\n    import ujson\nexcept ImportError:\n    ujson = None\n\ndef handler(event, context):\n    return requests.get(helpers.URL).status_code\n';
    const [f, ...rest] = await found({ 'template.yaml': py(), 'src/app.py': code, 'src/helpers/__init__.py': "URL = 'https://example.com'\n" });
    assert.equal(rest.length, 0);
    assert.equal(f?.at, 'src/app.py:3 Sync');
    assert.match(f!.message, /^The code of function Sync imports 'requests', but requests is declared by no requirements file, pyproject\.toml or Pipfile \(neither src nor a folder above it has one, so nothing installs it\), and the Lambda runtime does not include it: the import fails at run time unless something else ships it\. Add a requirements\.txt beside the code that declares it, pinned, so that the build installs it\.$/);
    const installed = { 'src/requests/__init__.py': '', 'src/requests-2.32.3.dist-info/METADATA': 'Name: requests\n' };
    assert.deepEqual(await found({ 'template.yaml': py(), 'src/app.py': code, 'src/helpers/__init__.py': '', ...installed }), []);
    assert.deepEqual(await found({ 'template.yaml': py(), 'src/app.py': code, 'src/helpers/__init__.py': '', 'requirements.txt': 'requests==2.32.3\n' }), []);
  });
});
