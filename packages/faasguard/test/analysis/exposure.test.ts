/**
 * Exposure on a multi-resource application: direct entry points, a public bucket, and a chain of
 * three functions (public API → queue → worker → bucket → publisher).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import type { FunctionExposure } from '../../src/analysis/exposure-types.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { samApiFunction } from '../helpers/sam-api-function.js';

const project = projectsRemovedAfterTests();

const FILE = 'template.yaml';
let exposure: Map<string, FunctionExposure>;

function of(name: string): FunctionExposure {
  const e = exposure.get(`${FILE}/${name}`);
  assert.ok(e, name);
  return e;
}

before(async () => {
  const { model } = await loadApp(path.join(FIXTURES, 'exposure'));
  exposure = computeExposure(model);
});

describe('exposure', () => {
  it('classifies every function', () => {
    const levels = Object.fromEntries([...exposure.values()].map((e) => [e.functionId.split('/')[1], e.level]));
    assert.deepEqual(levels, {
      Intake: 'public',
      Worker: 'public',
      Publisher: 'public',
      Nightly: 'internal',
      Profile: 'authenticated',
      Admin: 'account',
      Ingest: 'public',
    });
  });

  it('explains a direct public route', () => {
    const [p] = of('Intake').paths;
    assert.equal(p?.level, 'public');
    assert.match(p!.description, /anyone on the internet can call POST \/intake of Api \(no authorization\), which invokes Intake/);
  });

  it('reports a publicly writable bucket as an entry point, with the policy that opens it', () => {
    const [p] = of('Ingest').paths;
    assert.equal(p?.level, 'public');
    assert.equal(p?.description, 'anyone on the internet can upload an object to Drop, which invokes Ingest');
    assert.deepEqual(p?.steps.map((s) => s.loc.line), [32, 98]);
  });

  it('follows a chain of two hops and keeps every step', () => {
    const worker = of('Worker').paths.find((p) => p.level === 'public');
    assert.ok(worker, 'worker is public through Intake');
    assert.match(worker.description, /Intake can write to Jobs, which invokes Worker/);
    const publisher = of('Publisher').paths.find((p) => p.level === 'public');
    assert.ok(publisher, 'publisher is public through Intake and Worker');
    assert.match(publisher.description, /Intake can write to Jobs, which invokes Worker; Worker can write to Reports, which invokes Publisher/);
    assert.deepEqual(
      publisher.steps.map((s) => s.loc.line),
      [43, 40, 56, 53, 64],
      'route, Intake grant, Jobs trigger, Worker grant, Reports trigger',
    );
  });

  it('keeps internal-only sources internal', () => {
    assert.deepEqual(of('Nightly').paths.map((p) => p.level), ['internal']);
  });
});

describe('exposure of a private API', () => {
  it('names the network as who can call an open route, and IAM principals for a signed one', async () => {
    const { model } = await loadApp(path.join(FIXTURES, 'exposure-private-api'));
    const private_ = computeExposure(model);
    const [open] = private_.get(`${FILE}/Lister`)?.paths ?? [];
    assert.equal(open?.level, 'account');
    assert.equal(open?.description, 'anyone in the VPCs that reach the private API can call GET /items of PrivateApi (no authorization), which invokes Lister');
    const [signed] = private_.get(`${FILE}/Writer`)?.paths ?? [];
    assert.equal(signed?.level, 'account');
    assert.equal(signed?.description, 'principals of the AWS account can call PUT /items of PrivateApi (IAM authorization), which invokes Writer');
  });

  it('names the VPC a private API admits when its resource policy tests the source VPC alone', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Parameters:
  CentralVpc:
    Type: String
Resources:
  PrivateApi:
    Type: AWS::Serverless::Api
    Properties:
      EndpointConfiguration: PRIVATE
      StageName: Prod
      Auth:
        ResourcePolicy:
          CustomStatements:
            - Effect: Allow
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*
              Condition:
                StringEquals:
                  aws:SourceVpc: !Ref CentralVpc
${samApiFunction('Lister', 'PrivateApi')}`;
    const { model } = await loadApp(project({ 'template.yaml': template }));
    const [open] = computeExposure(model).get(`${FILE}/Lister`)?.paths ?? [];
    assert.equal(open?.level, 'account');
    assert.equal(open?.description, "anyone in the VPC parameter CentralVpc names (the only source the private API's resource policy admits) can call GET /items of PrivateApi (no authorization), which invokes Lister");
  });
});
