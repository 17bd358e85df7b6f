/**
 * Findings in inline code (`Code.ZipFile`) point at the template line and column of the data that
 * reaches the sink (the argument of the call):
 * a block scalar, `!Sub |` and the long `Fn::Sub: [text, variables]` keep their lines; `Fn::Join`
 * pieces have none, so the finding points at the `ZipFile` key, the start of the block.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { commandInjection } from '../../src/rules/injection/command-injection.js';
import { secretInInlineCode } from '../../src/rules/secrets/secret-in-inline-code.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

let findings: Finding[];

function at(rule: string, subject: string): Array<[number, number]> {
  return findings.filter((f) => f.ruleId === rule && f.subject?.logicalId === subject).map((f) => [f.location.line, f.location.column]);
}

before(async () => {
  findings = (await scan(path.join(FIXTURES, 'inline-code'), { rules: [commandInjection, secretInInlineCode] })).findings;
});

describe('inline code locations', () => {
  it('points at the code line inside a ZipFile block scalar', () => {
    assert.deepEqual(at('command-injection', 'Runner'), [[14, 18]]);
  });

  it('points at the code line inside a !Sub block', () => {
    assert.deepEqual(at('command-injection', 'SubRunner'), [[28, 18]]);
  });

  it('points at the code line inside a long-form Fn::Sub with variables (Python)', () => {
    assert.deepEqual(at('command-injection', 'PyRunner'), [[58, 29]]);
  });

  it('points at the ZipFile key for Fn::Join, whose pieces have no lines of their own', () => {
    assert.deepEqual(at('command-injection', 'JoinRunner'), [[38, 9]]);
  });

  it('analyzes Fn::Join code with references (as CDK writes it), pointing at the ZipFile key', () => {
    assert.deepEqual(at('command-injection', 'JoinRefRunner'), [[92, 9]]);
  });

  it('points at a secret inside a !Sub block', () => {
    assert.deepEqual(at('secret-in-inline-code', 'SecretRunner'), [[69, 27]]);
  });

  it('reports nothing for a command built from constants', () => {
    assert.deepEqual(at('command-injection', 'SafeRunner'), []);
  });
});
