/**
 * `Yes`, `No`, `On` and `Off` as each reader of the file reads them: a CloudFormation or SAM template
 * as YAML 1.1 (CloudFormation, SAM CLI's PyYAML: booleans), a Serverless Framework service as YAML
 * 1.2 (js-yaml: text). Keys, quoted and tagged values stay text everywhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statSync } from 'node:fs';
import path from 'node:path';
import { at, type TNode, type TScalar } from '../../src/parse/tree.js';
import { parseWithDocumentModel, parseYamlTemplate } from '../../src/parse/yaml-template.js';
import { mqBrokerPubliclyAccessible } from '../../src/rules/config/mq-broker-publicly-accessible.js';
import { readTemplate } from '../../src/scan/read-template.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const WORDS = `Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      PubliclyAccessible: Yes
      AutoMinorVersionUpgrade: off
      EngineType: 'Yes'
      EngineVersion: !Ref On
      Users: [No, "NO", ON]
      y: n
      Yes: kept
`;

function valueAt(root: TNode | undefined, ...keys: string[]): unknown {
  const n = at(root, 'Resources', 'Broker', 'Properties', ...keys);
  return n?.kind === 'scalar' ? n.value : n;
}

describe('YAML 1.1 booleans: what the parsers record', () => {
  for (const [name, parse] of [
    ['fast path', parseYamlTemplate],
    ['document model', parseWithDocumentModel],
  ] as const) {
    it(`${name}: plain values that YAML 1.1 reads as booleans, and only those`, () => {
      const r = parse(WORDS, 't.yaml');
      assert.deepEqual(r.diagnostics, []);
      // The tree holds YAML 1.2's reading until a format's reader decides.
      assert.equal(valueAt(r.root, 'PubliclyAccessible'), 'Yes');
      assert.deepEqual(
        r.yaml11Booleans?.map((s) => [s.value, s.loc.line]),
        [
          ['Yes', 5],
          ['off', 6],
          ['No', 9],
          ['ON', 9],
        ],
      );
    });
  }

  it('a text without such words records none', () => {
    assert.equal(parseYamlTemplate('Resources:\n  A:\n    Type: AWS::SNS::Topic\n', 't.yaml').yaml11Booleans, undefined);
  });
});

describe('YAML 1.1 booleans: each format reads them as its deployer does', () => {
  it('a CloudFormation template takes them as booleans; keys, quoted and tagged values stay text', async () => {
    const dir = project({ 'template.yaml': WORDS });
    const read = await readTemplate(discovered(dir, 'template.yaml'), 1e6);
    assert.equal(read.format, 'cloudformation');
    assert.equal(valueAt(read.root, 'PubliclyAccessible'), true);
    assert.equal(valueAt(read.root, 'AutoMinorVersionUpgrade'), false);
    assert.equal(valueAt(read.root, 'EngineType'), 'Yes');
    assert.deepEqual(valueAt(read.root, 'EngineVersion', 'Ref'), 'On');
    const users = at(read.root, 'Resources', 'Broker', 'Properties', 'Users');
    assert.deepEqual(users?.kind === 'seq' ? users.items.map((i) => (i.kind === 'scalar' ? i.value : undefined)) : [], [false, 'NO', true]);
    assert.equal(valueAt(read.root, 'y'), 'n');
    assert.equal(valueAt(read.root, 'Yes'), 'kept');
  });

  it('a Serverless Framework service keeps them as text', async () => {
    const dir = project({ 'serverless.yml': 'service: s\nprovider:\n  name: aws\n  tracing:\n    lambda: Yes\n' });
    const read = await readTemplate(discovered(dir, 'serverless.yml'), 1e6);
    assert.equal(read.format, 'serverless');
    assert.equal((at(read.root, 'provider', 'tracing', 'lambda') as TScalar).value, 'Yes');
  });
});

describe('YAML 1.1 booleans in findings', () => {
  const broker = (publiclyAccessible: string, extra = '') => `${extra}Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ActiveMQ
      PubliclyAccessible: ${publiclyAccessible}
`;

  async function lines(text: string): Promise<number[]> {
    const dir = project({ 'template.yaml': text });
    const result = await scan(dir, { noCache: true, rules: [mqBrokerPubliclyAccessible] });
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    return result.findings.map((f) => {
      assert.equal(f.location.file, 'template.yaml');
      return f.location.line;
    });
  }

  it('`PubliclyAccessible: Yes` is a public broker (the line of the broker), `No` is not', async () => {
    assert.deepEqual(await lines(broker('Yes')), [7]);
    assert.deepEqual(await lines(broker('No')), []);
    assert.deepEqual(await lines(broker("'Yes'")), []);
  });

  it('a parameter of Yes and No compares as CloudFormation compares it', async () => {
    const withParam = (def: string) =>
      broker('!If [Public, true, false]', `Parameters:\n  Exposed:\n    Type: String\n    AllowedValues: [Yes, No]\n    Default: ${def}\nConditions:\n  Public: !Equals [!Ref Exposed, Yes]\n`);
    assert.deepEqual(await lines(withParam('Yes')), [14]);
    assert.deepEqual(await lines(withParam('No')), []);
  });
});

function discovered(dir: string, rel: string): { rel: string; abs: string; size: number } {
  const abs = path.join(dir, rel);
  return { rel, abs, size: statSync(abs).size };
}
