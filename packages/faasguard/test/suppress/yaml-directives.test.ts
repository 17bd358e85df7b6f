/**
 * Directives in YAML comments: the line each covers, and the block that starts there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yamlDirectives } from '../../src/suppress/yaml-directives.js';

const TEMPLATE = [
  'Resources:', //                                                              1
  '  # faasguard-ignore function-url-without-auth: signed webhook (SEC-7)', //  2
  '  # reviewed 2026-10', //                                                    3
  '  Webhook:', //                                                              4
  '    Type: AWS::Serverless::Function', //                                     5
  '    Properties:', //                                                         6
  '      Runtime: nodejs16.x  # faasguard-ignore runtime-deprecated: OPS-42', // 7
  '      InlineCode: |', //                                                     8
  '        # faasguard-ignore xss: inside a block scalar, not a comment', //    9
  "      Description: 'a # faasguard-ignore xss: in a string'", //            10
  '      Events:', //                                                          11
  '        # faasguard-ignore api-route-without-auth: public catalogue', //    12
  '        - Type: Api', //                                                    13
  '          Path: /items', //                                                 14
  '', //                                                                       15
  '  # faasguard-ignore iam-wildcard-action: too far from its resource', //    16
  '', //                                                                       17
  '  Other:', //                                                               18
  '    Type: AWS::SQS::Queue', //                                              19
  '', //                                                                       20
].join('\n');

describe('YAML directives', () => {
  const directives = yamlDirectives('template.yaml', TEMPLATE);

  it('reads comments only, never text inside strings or block scalars', () => {
    assert.deepEqual(directives.map((d) => [d.loc.line, d.loc.column, d.rules]), [
      [2, 3, ['function-url-without-auth']],
      [7, 28, ['runtime-deprecated']],
      [12, 9, ['api-route-without-auth']],
      [16, 3, ['iam-wildcard-action']],
    ]);
  });

  it('covers the whole resource below a comment, past other comment lines', () => {
    const d = directives[0]!;
    assert.equal(d.reason, 'signed webhook (SEC-7)');
    assert.deepEqual(d.scope, { file: 'template.yaml', startLine: 4, endLine: 14, description: 'Resources.Webhook (lines 4-14)', anchor: 'Resources.Webhook' });
  });

  it('covers the property on the line of a trailing comment', () => {
    assert.deepEqual(directives[1]!.scope, { file: 'template.yaml', startLine: 7, endLine: 7, description: 'Resources.Webhook.Properties.Runtime (line 7)', anchor: 'Resources.Webhook.Properties.Runtime' });
  });

  it('covers the list item below a comment', () => {
    const { startLine, endLine, anchor } = directives[2]!.scope;
    assert.deepEqual({ startLine, endLine, anchor }, { startLine: 13, endLine: 14, anchor: 'Resources.Webhook.Properties.Events[0]' });
  });

  it('covers nothing when a blank line follows the comment', () => {
    assert.deepEqual(directives[3]!.scope, { file: 'template.yaml', startLine: 17, endLine: 17, description: 'the blank line 17', anchor: '' });
  });

  it('covers the next line with faasguard-ignore-next-line, even after a key', () => {
    const [d] = yamlDirectives('t.yaml', 'A:  # faasguard-ignore-next-line x: y\n  B: 1\n  C: 2\n');
    assert.deepEqual([d?.scope.startLine, d?.scope.endLine, d?.scope.anchor], [2, 2, 'A.B']);
  });

  it('reads short-form tags and a file without directives', () => {
    const [d] = yamlDirectives('t.yaml', 'A:\n  # faasguard-ignore x: y\n  B: !Sub\n    - ${C}\n    - C: 1\nD: 2\n');
    assert.deepEqual([d?.scope.startLine, d?.scope.endLine], [3, 5]);
    assert.deepEqual(yamlDirectives('t.yaml', 'A: 1 # a comment\n'), []);
  });

  it('takes no # inside a quoted value for a comment, however its lines are indented', () => {
    assert.deepEqual(yamlDirectives('t.yaml', "A:\n  B: 'echo one\n  echo two # faasguard-ignore x: y\n  '\n  C: 1 # faasguard-ignore z: w\n").map((d) => d.loc.line), [5]);
  });
});
