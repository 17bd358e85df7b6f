/**
 * Terraform's built-in functions as the loader evaluates them offline, the version constraints
 * registry-module summaries read, and `file()` confined to the scanned tree.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FileReader } from '../../src/loaders/file-reader.js';
import { builtin } from '../../src/loaders/terraform/functions.js';
import { majorOf, newestAllowed } from '../../src/loaders/terraform/registry-modules/module-call.js';
import type { TNode } from '../../src/parse/tree.js';
import { scalar, unknownValue } from '../../src/loaders/terraform/tree-values.js';

const loc = { file: 'main.tf', line: 1, column: 1 };
const s = (v: string | number | boolean): TNode => scalar(v, loc);
const seq = (...items: TNode[]): TNode => ({ kind: 'seq', items, loc });
const noFiles = { readFile: (): undefined => undefined };

function plain(n: TNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}

describe('terraform built-in functions', () => {
  it('evaluates the pure functions on known arguments', () => {
    assert.equal(plain(builtin('cidrsubnet', [s('10.0.0.0/16'), s(8), s(2)], loc, noFiles)), '10.0.2.0/24');
    assert.equal(plain(builtin('cidrsubnet', [s('10.1.0.0/16'), s(4), s(15)], loc, noFiles)), '10.1.240.0/20');
    assert.equal(plain(builtin('format', [s('%s-%d'), s('api'), s(3)], loc, noFiles)), 'api-3');
    assert.deepEqual(plain(builtin('split', [s(','), s('a,b')], loc, noFiles)), ['a', 'b']);
    assert.deepEqual(plain(builtin('flatten', [seq(seq(s(1), s(2)), s(3))], loc, noFiles)), [1, 2, 3]);
    assert.deepEqual(plain(builtin('distinct', [seq(s('a'), s('b'), s('a'))], loc, noFiles)), ['a', 'b']);
    assert.deepEqual(plain(builtin('zipmap', [seq(s('a'), s('b')), seq(s(1), s(2))], loc, noFiles)), { a: 1, b: 2 });
    assert.equal(plain(builtin('contains', [seq(s('a'), s('b')), s('b')], loc, noFiles)), true);
    assert.equal(plain(builtin('startswith', [s('arn:aws:s3'), s('arn:')], loc, noFiles)), true);
    assert.equal(plain(builtin('replace', [s('a-b-c'), s('-'), s('_')], loc, noFiles)), 'a_b_c');
  });

  it('leaves unknown what it does not evaluate: regular expressions, unknown verbs, unknown functions', () => {
    assert.equal(builtin('replace', [s('a1b'), s('/[0-9]/'), s('')], loc, noFiles), undefined);
    assert.equal(builtin('regex', [s('(a+)+$'), s('aaaa')], loc, noFiles), undefined);
    assert.equal(builtin('format', [s('%08.3f'), s(1)], loc, noFiles), undefined);
    assert.equal(builtin('timestamp', [], loc, noFiles), undefined);
    assert.equal(builtin('constructor', [], loc, noFiles), undefined);
  });

  it('fills a template file with the variables given, and reads its JSON as a document', () => {
    const ctx = { readFile: (f: string) => (f === 'policy.json' ? '{"Statement": [{"Sid": "${name}", "Effect": "Allow"}]}' : undefined) };
    const vars: TNode = { kind: 'map', entries: [{ key: 'name', keyLoc: loc, value: s('Reader') }], loc };
    assert.deepEqual(plain(builtin('templatefile', [s('policy.json'), vars], loc, ctx)), { Statement: [{ Sid: 'Reader', Effect: 'Allow' }] });
    assert.equal(builtin('templatefile', [s('policy.json'), { kind: 'map', entries: [], loc }], loc, ctx), undefined, 'a variable not given');
    assert.equal(builtin('file', [s('missing.json')], loc, ctx), undefined);
  });

  it("keeps a resource's attribute and an unknown variable in the strings of a template file, and in a join", () => {
    const ctx = { readFile: (f: string) => (f === 'policy.json' ? '{"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "${key_arn}"}, {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:${account}:*"}]}' : undefined) };
    const keyArn: TNode = { kind: 'map', entries: [{ key: 'Fn::GetAtt', keyLoc: loc, value: seq(s('aws_kms_key.main'), s('Arn')) }], loc };
    const vars: TNode = { kind: 'map', entries: [{ key: 'key_arn', keyLoc: loc, value: keyArn }, { key: 'account', keyLoc: loc, value: unknownValue('local.account_id', loc) }], loc };
    assert.deepEqual(plain(builtin('templatefile', [s('policy.json'), vars], loc, ctx)), {
      Statement: [
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': ['aws_kms_key.main', 'Arn'] } },
        { Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: { 'Fn::Join': ['', ['arn:aws:logs:*:', '${local.account_id}', ':*']] } },
      ],
    });
    const id: TNode = { kind: 'map', entries: [{ key: 'Ref', keyLoc: loc, value: s('aws_apigatewayv2_integration.send') }], loc };
    assert.deepEqual(plain(builtin('join', [s('/'), seq(s('integrations'), id)], loc, noFiles)), { 'Fn::Join': ['/', ['integrations', { Ref: 'aws_apigatewayv2_integration.send' }]] });
    assert.equal(builtin('join', [s('/'), seq(s('integrations'), unknownValue('var.id', loc))], loc, noFiles), undefined, 'an unknown part');
  });

  it('reads a file only inside the scanned tree', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-tf-file-'));
    fs.writeFileSync(path.join(root, 'policy.json'), '{}');
    const reader = new FileReader(path.join(root));
    assert.equal(reader.text('main.tf', './policy.json'), '{}');
    assert.equal(reader.text('main.tf', '../../../../etc/passwd'), undefined);
    assert.equal(reader.text('main.tf', '/etc/passwd'), undefined);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('registry module versions', () => {
  it('reads the newest version a constraint allows', () => {
    assert.deepEqual(newestAllowed('~> 3.0'), [3, Infinity]);
    assert.deepEqual(newestAllowed('~> 3.7.0'), [3, 7]);
    assert.deepEqual(newestAllowed('3.7.0'), [3, 7]);
    assert.equal(newestAllowed('>= 3.0, < 5.0'), undefined);
    assert.equal(newestAllowed(undefined), undefined);
    assert.equal(majorOf('>= 4.2, < 6'), 4);
  });
});
