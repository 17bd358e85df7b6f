/**
 * `compareText` and `compareNames` (util/compare-text.ts): orders that do not follow the machine's
 * locale. `compareNames` keeps the order English collation gave the names reports list, so that
 * reports did not change when it replaced `localeCompare`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allActions } from '../../src/iam/action-catalog.js';
import { compareNames, compareText } from '../../src/util/compare-text.js';
import { seededRandom } from '../../bench/generate.js';

const english = (a: string, b: string): number => Math.sign(a.localeCompare(b, 'en'));

/** Names of the kinds reports list: packages, advisory ids, SAM policy templates joined. */
const NAMES = ['@aws-sdk/client-s3', 'aws-sdk', 'lodash', 'lodash.merge', 'lodash_merge', 'Lodash', '@types/node', 'GHSA-35jh-r3h4-6jhm', 'GHSA-35JH-r3h4-6jhm', 'CVE-2021-23337', 'PYSEC-2021-108',
  'S3ReadPolicy,SQSSendMessagePolicy', 'S3CrudPolicy', 'S3ReadPolicy', 'DynamoDBReadPolicy,S3ReadPolicy', 'iot:Connect', 'iot1click:ListProjects', 'iotevents-data:X', 's3-outposts:GetObject', 's3:GetObject', 's3express:CreateSession'];

describe('compareText', () => {
  it('orders by code unit: uppercase before lowercase, whatever the locale', () => {
    assert.deepEqual(['b', 'a', 'B', 'A', '_', '1'].sort(compareText), ['1', 'A', 'B', '_', 'a', 'b']);
    assert.equal(compareText('x', 'x'), 0);
  });
});

describe('compareNames', () => {
  it('gives the order of English collation to every IAM action of the catalogue', () => {
    const ids = allActions().map((a) => `${a.service}:${a.name}`);
    assert.deepEqual([...ids].sort(compareNames), [...ids].sort(english));
  });

  it('gives the order of English collation to package names, advisory ids and policy template names', () => {
    assert.deepEqual([...NAMES].sort(compareNames), [...NAMES].sort(english));
    // The colon sorts before digits and letters, unlike in code units.
    assert.ok(compareNames('iot:Connect', 'iot1click:ListProjects') < 0);
    assert.ok(compareText('iot:Connect', 'iot1click:ListProjects') > 0);
  });

  it('agrees with English collation on random ASCII names of letters, digits, space and every punctuation mark', () => {
    const rand = seededRandom(7);
    const alphabet = 'aAbBzZ09 _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
    const word = (): string => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const [a, b] = [word(), word()];
      assert.equal(Math.sign(compareNames(a, b)), english(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
  });
});
