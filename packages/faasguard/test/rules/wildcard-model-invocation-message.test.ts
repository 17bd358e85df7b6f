/**
 * `iam-wildcard-model-invocation` says which invocation actions a statement grants on every model,
 * who holds them, and whether one Region bounds them.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { iamWildcardModelInvocation } from '../../src/rules/privilege/iam-wildcard-model-invocation.js';
import { FIXTURES } from '../helpers/paths.js';

describe('iam-wildcard-model-invocation messages', () => {
  it('names the actions, the holder and the Region a model wildcard is bounded by', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'iam-wildcard-model-invocation', 'fail'), { noCache: true, rules: [iamWildcardModelInvocation] });
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'Policy inline policy 1 of role ChatRole of Chat grants bedrock:InvokeModel on every resource (*): an attacker who controls Chat (reachable from the internet) can run any model the account has access to, the costliest included, billed per token to the account. Name the models the code calls (arn:aws:bedrock:<region>::foundation-model/<model id>; for a cross-Region inference profile, the profile and its model in each Region it routes to) instead of a wildcard.',
        'Policy models of role SummarizerRole of Summarizer grants bedrock:InvokeModelWithResponseStream on every resource (arn:aws:bedrock:<region>::foundation-model/*): an attacker who controls Summarizer can run any model the account has access to in that Region, the costliest included, billed per token to the account. Name the models the code calls (arn:aws:bedrock:<region>::foundation-model/<model id>; for a cross-Region inference profile, the profile and its model in each Region it routes to) instead of a wildcard.',
        'Policy invoke of role WorkflowRole grants bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on every resource (*): whoever acts with the role (it is assumed by states.amazonaws.com) can run any model the account has access to, the costliest included, billed per token to the account. Name the models it calls (arn:aws:bedrock:<region>::foundation-model/<model id>; for a cross-Region inference profile, the profile and its model in each Region it routes to) instead of a wildcard.',
      ],
    );
  });
});
