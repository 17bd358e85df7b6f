/**
 * The log group of each function (rules/monitoring/function-log-group.ts), looked up by key rather
 * than by comparing every group with every function: the same group as the comparison gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LambdaFunction } from '../../src/model/app-model.js';
import { defaultLogGroupKey, defaultLogGroupKeysOf, isDefaultLogGroupName } from '../../src/model/facts/log-group-facts.js';
import { Composite, ResourceRef, Unknown, type Value } from '../../src/model/value.js';
import { logGroupLookup } from '../../src/rules/monitoring/function-log-group.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function fn(id: string, name?: Value): LambdaFunction {
  return { id, logicalId: id.split('/').pop()!, stack: 'template.yaml', loc: { file: 'template.yaml', line: 1, column: 1 }, code: { kind: 'unknown' }, environment: [], layers: [], inVpc: false, urls: [], ...(name !== undefined ? { name } : {}) };
}

describe('default log group keys', () => {
  const ref = (target: string, attribute?: string): ResourceRef => new ResourceRef(target, target.split('/').pop()!, attribute);
  const names: Array<Value | undefined> = [
    undefined,
    '/aws/lambda/orders',
    '/aws/lambda/other',
    '/aws/lambdaorders',
    '/aws/orders',
    'orders',
    new Composite(['/aws/lambda/', ref('template.yaml/Orders')]),
    new Composite(['/aws/lambda/', ref('template.yaml/Orders', 'Arn')]),
    new Composite(['/aws/lambda/', ref('template.yaml/Other')]),
    new Composite(['/aws/lambda/', ref('template.yaml/Orders'), '-x']),
    new Composite(['/aws/', ref('template.yaml/Orders')]),
    new Composite(['/aws/lambda/', new Unknown('a name')]),
    ref('template.yaml/Orders'),
  ];
  const functions = [fn('template.yaml/Orders', 'orders'), fn('template.yaml/Orders'), fn('template.yaml/Other', 'orders'), fn('template.yaml/Orders', new Composite(['orders-', new Unknown('a stage')]))];

  it('give a name to a function exactly when the comparison does', () => {
    let matches = 0;
    for (const name of names) {
      for (const f of functions) {
        const key = defaultLogGroupKey(name);
        const byKey = key !== undefined && defaultLogGroupKeysOf(f).includes(key);
        assert.equal(byKey, isDefaultLogGroupName(name, f), `${String(name)} for ${f.id} named ${String(f.name)}`);
        if (byKey) matches++;
      }
    }
    // Both kinds of name match somewhere, so that the comparison above cannot pass on "never".
    assert.equal(matches, 6);
  });
});

describe('logGroupLookup', () => {
  it("takes the first group of the function's own app in template order, by written name or by reference", async () => {
    const dir = project({
      'orders/template.yaml': [
        'Resources:',
        '  Orders:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { FunctionName: orders, Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: "x" }, Role: arn:aws:iam::123456789012:role/r }',
        '  Unnamed:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: "x" }, Role: arn:aws:iam::123456789012:role/r }',
        '  Named:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: "x" }, Role: arn:aws:iam::123456789012:role/r, LoggingConfig: { LogGroup: shared-logs } }',
        '  ByReference:',
        '    Type: AWS::Logs::LogGroup',
        '    Properties: { LogGroupName: !Sub "/aws/lambda/${Orders}", RetentionInDays: 7 }',
        '  ByName:',
        '    Type: AWS::Logs::LogGroup',
        '    Properties: { LogGroupName: /aws/lambda/orders, RetentionInDays: 14 }',
        '  UnnamedGroup:',
        '    Type: AWS::Logs::LogGroup',
        '    Properties: { LogGroupName: !Sub "/aws/lambda/${Unnamed}" }',
        '  UnnamedAgain:',
        '    Type: AWS::Logs::LogGroup',
        '    Properties: { LogGroupName: !Sub "/aws/lambda/${Unnamed}" }',
        '  Shared:',
        '    Type: AWS::Logs::LogGroup',
        '    Properties: { LogGroupName: shared-logs }',
      ].join('\n'),
      // Another app names its groups alike: its groups are not this app's functions'.
      'billing/template.yaml': [
        'Resources:',
        '  Early:',
        '    Type: AWS::Logs::LogGroup',
        '    Properties: { LogGroupName: /aws/lambda/orders }',
        '  Billing:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { FunctionName: orders, Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: "x" }, Role: arn:aws:iam::123456789012:role/r }',
      ].join('\n'),
    });
    const { model } = await loadApp(dir);
    const groupOf = logGroupLookup(model);
    const found = Object.fromEntries(model.functions.map((f) => [f.id, groupOf(f)?.resource.id]));
    assert.deepEqual(found, {
      'billing/template.yaml/Billing': 'billing/template.yaml/Early',
      'orders/template.yaml/Orders': 'orders/template.yaml/ByReference',
      'orders/template.yaml/Unnamed': 'orders/template.yaml/UnnamedGroup',
      'orders/template.yaml/Named': 'orders/template.yaml/Shared',
    });
  });
});
