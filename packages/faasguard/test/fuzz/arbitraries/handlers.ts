/**
 * Handler code in JavaScript and Python: statements that read the event, pass it through
 * variables, and reach sinks (command, eval, SQL, file, HTTP, AWS SDK calls), with hostile string
 * literals and names, sometimes cut short or with garbage inserted. The scanner parses this code;
 * it never runs it.
 */
import fc from 'fast-check';
import { applyDamage, damage, hostileString } from './hostile-text.js';

export interface HandlerCode {
  runtime: 'nodejs20.x' | 'python3.12';
  /** File name under the code folder */
  file: string;
  text: string;
}

const jsLiteral = hostileString.map((s) => JSON.stringify(s));
const pyLiteral = hostileString.map((s) => JSON.stringify(s).replace(/\\u2028|\\u2029/g, ''));

const JS_SOURCES = ['event.body', 'event.queryStringParameters.id', 'event["pathParameters"]?.name', 'JSON.parse(event.body)', 'event.Records[0].s3.object.key', 'process.env.TABLE', 'x'];
const JS_SINKS = [
  (a: string) => `require('child_process').exec(${a});`,
  (a: string) => `eval(${a});`,
  (a: string) => `new Function(${a})();`,
  (a: string) => `await db.query("SELECT * FROM t WHERE id = " + ${a});`,
  (a: string) => `fs.readFileSync(path.join('/tmp', ${a}));`,
  (a: string) => `await fetch(${a});`,
  (a: string) => `await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: ${a} }));`,
  (a: string) => `await lambda.invoke({ FunctionName: ${a} }).promise();`,
  (a: string) => `res.redirect(${a});`,
  (a: string) => `console.log(${a});`,
];

function jsStatement(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...JS_SINKS), fc.oneof(fc.constantFrom(...JS_SOURCES), jsLiteral)).map(([sink, a]) => sink(a)),
    fc.tuple(fc.constantFrom('x', 'y', '__proto__', 'constructor'), fc.oneof(fc.constantFrom(...JS_SOURCES), jsLiteral)).map(([n, v]) => `const ${n === '__proto__' || n === 'constructor' ? `o = {}; o[${JSON.stringify(n)}]` : n} = ${v};`),
    jsLiteral.map((s) => `if (event.type === ${s}) { return { statusCode: 200, body: ${s} }; }`),
    fc.constant('for (const r of event.Records) { x = r.body; }'),
  );
}

const jsModule = fc.tuple(fc.constantFrom('esm', 'cjs', 'ts'), fc.array(jsStatement(), { maxLength: 6 }), damage).map(([style, body, d]): HandlerCode => {
  const imports = style === 'cjs' ? "const fs = require('fs');\nconst path = require('path');\nconst { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\n" : "import fs from 'fs';\nimport path from 'path';\nimport { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\n";
  const head = style === 'cjs' ? 'exports.handler = async (event, context) => {' : style === 'ts' ? 'export const handler = async (event: any, context: unknown): Promise<unknown> => {' : 'export const handler = async (event, context) => {';
  const text = `${imports}let x;\n${head}\n  ${body.join('\n  ')}\n  return { statusCode: 200 };\n};\n`;
  return { runtime: 'nodejs20.x', file: style === 'ts' ? 'app.ts' : style === 'esm' ? 'app.mjs' : 'app.js', text: applyDamage(text, d) };
});

const PY_SOURCES = ["event['body']", "event.get('queryStringParameters', {}).get('id')", "json.loads(event['body'])['cmd']", "event['Records'][0]['s3']['object']['key']", "os.environ['TABLE']", 'x'];
const PY_SINKS = [
  (a: string) => `os.system(${a})`,
  (a: string) => `subprocess.run(${a}, shell=True)`,
  (a: string) => `eval(${a})`,
  (a: string) => `pickle.loads(${a})`,
  (a: string) => `cursor.execute("SELECT * FROM t WHERE id = '%s'" % ${a})`,
  (a: string) => `open('/tmp/' + ${a}).read()`,
  (a: string) => `requests.get(${a})`,
  (a: string) => `boto3.client('s3').put_object(Bucket=os.environ['BUCKET'], Key=${a}, Body=b'')`,
  (a: string) => `boto3.resource('dynamodb').Table(os.environ['TABLE']).put_item(Item={'id': ${a}})`,
  (a: string) => `print(${a})`,
];

function pyStatement(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...PY_SINKS), fc.oneof(fc.constantFrom(...PY_SOURCES), pyLiteral)).map(([sink, a]) => sink(a)),
    fc.tuple(fc.constantFrom('x', 'y', '__class__', '__dict__'), fc.oneof(fc.constantFrom(...PY_SOURCES), pyLiteral)).map(([n, v]) => `${n} = ${v}`),
    pyLiteral.map((s) => `if event.get('type') == ${s}:\n        return {'statusCode': 200, 'body': ${s}}`),
    fc.constant("for r in event['Records']:\n        x = r['body']"),
  );
}

const pyModule = fc.tuple(fc.array(pyStatement(), { maxLength: 6 }), damage).map(([body, d]): HandlerCode => {
  const text = `import os\nimport json\nimport subprocess\nimport pickle\nimport boto3\nimport requests\n\nx = None\n\ndef handler(event, context):\n    ${body.join('\n    ')}\n    return {'statusCode': 200}\n`;
  return { runtime: 'python3.12', file: 'app.py', text: applyDamage(text, d) };
});

export const handlerCode: fc.Arbitrary<HandlerCode> = fc.oneof(jsModule, pyModule);
