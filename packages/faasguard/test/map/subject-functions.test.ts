import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { subjectFunctions, type SubjectFunctions } from '../../src/map/subject-functions.js';
import { loadApp } from '../../src/scan/scan.js';
import { REPO_ROOT } from '../helpers/paths.js';

const T = 'template.yaml';
let links: SubjectFunctions;

before(async () => {
  links = subjectFunctions((await loadApp(path.join(REPO_ROOT, 'examples/order-app/vulnerable'))).model);
});

describe('the functions a finding subject concerns', () => {
  it('a function concerns itself', () => {
    assert.deepEqual(links[`${T}/GetOrderFunction`], [`${T}/GetOrderFunction`]);
  });

  it('a role concerns the functions that run with it', () => {
    assert.deepEqual(links[`${T}/ProcessUploadFunctionRole`], [`${T}/ProcessUploadFunction`]);
  });

  it('routes, APIs, permissions and event sources concern the functions they invoke', () => {
    assert.deepEqual(links[`${T}/GetOrderFunction#Get`], [`${T}/GetOrderFunction`]);
    assert.deepEqual(links[`${T}/OrdersApi`], [`${T}/CreateOrderFunction`, `${T}/GetOrderFunction`]);
    assert.deepEqual(links[`${T}/PartnerInvokePermission`], [`${T}/CreateOrderFunction`]);
    assert.deepEqual(links[`${T}/UploadsBucket`], [`${T}/ProcessUploadFunction`]);
  });

  it('a resource that functions only reach concerns none of them', () => {
    assert.equal(links[`${T}/OrdersTable`], undefined);
  });

  it('is sorted, so that the same model gives the same bytes', () => {
    const keys = Object.keys(links);
    assert.deepEqual(keys, [...keys].sort());
  });
});
