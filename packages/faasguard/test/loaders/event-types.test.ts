/**
 * Event types beyond the common ones: SAM's DocumentDB event, and the Serverless Framework's Alexa,
 * legacy CloudWatch Events, IoT fleet provisioning and CloudFront events, each a trigger of its
 * function; an event type nobody defines is still reported.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { display } from '../../src/model/value.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { lineOf } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'detect');

function lineIn(rel: string, needle: string, occurrence = 1): number {
  return lineOf(readFileSync(path.join(DIR, rel), 'utf8'), needle, occurrence);
}

describe('SAM DocumentDB events', () => {
  it('makes each DocumentDB event a synchronous documentdb trigger, with the cluster as its source', async () => {
    const { model, diagnostics } = await loadApp(path.join(DIR, 'documentdb'));
    const triggers = model.triggers.map((t) => [t.id, t.kind, t.sourceId ?? display(t.source), t.asynchronous, t.loc.line]);
    assert.deepEqual(triggers, [
      ['template.yaml/ChangeFunction#Changes', 'documentdb', 'template.yaml/Cluster', false, lineIn('documentdb/template.yaml', 'Changes:', 1)],
      ['template.yaml/ExternalFunction#Changes', 'documentdb', 'arn:aws:rds:us-east-1:123456789012:cluster:shared', false, lineIn('documentdb/template.yaml', 'Changes:', 2)],
    ]);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.loc.line]), [['unknown-event-type', lineIn('documentdb/template.yaml', 'Odd:')]]);
  });
});

describe('CloudFormation event source mappings from DocumentDB', () => {
  it('makes a mapping with DocumentDBEventSourceConfig a documentdb trigger, from a cluster of the template or an ARN', async () => {
    const { model } = await loadApp(path.join(DIR, 'documentdb-mapping'));
    const triggers = model.triggers.map((t) => [t.id, t.kind, t.sourceId ?? display(t.source), t.loc.line]);
    assert.deepEqual(triggers, [
      ['template.yaml/ClusterMapping', 'documentdb', 'template.yaml/Cluster', lineIn('documentdb-mapping/template.yaml', 'ClusterMapping:')],
      ['template.yaml/ArnMapping', 'documentdb', 'arn:aws:rds:us-east-1:123456789012:cluster:shared', lineIn('documentdb-mapping/template.yaml', 'ArnMapping:')],
    ]);
  });
});

describe('Serverless Framework events from outside the service', () => {
  it('compiles Alexa, cloudwatchEvent, iotFleetProvisioning and cloudFront events into triggers', async () => {
    const { model, diagnostics } = await loadApp(path.join(DIR, 'serverless-events'));
    const kinds = (fn: string): string[] => model.triggers.filter((t) => t.functionId === `serverless.yml/${fn}LambdaFunction`).map((t) => `${t.kind} ${display(t.source ?? t.sourceId)}`);
    assert.deepEqual(kinds('Skill'), ['alexa Alexa skill amzn1.ask.skill.12345678-1234-1234-1234-123456789012', 'alexa Alexa smart home skill amzn1.ask.skill.87654321-1234-1234-1234-123456789012']);
    assert.deepEqual(kinds('LegacyRule').map((k) => k.split(' ')[0]), ['eventbridge']);
    assert.deepEqual(kinds('Provision'), ['iot devices']);
    assert.deepEqual(kinds('Edge'), ["cloudfront the service's CloudFront distribution"]);
    assert.deepEqual(kinds('Weird'), []);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.loc.line]), [['unsupported-event', lineIn('serverless-events/serverless.yml', 'carrierPigeon')]]);
  });
});
