import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { GuardError, guard } from '../src/index.js';
import { captureLog, context, loadEvent, quiet } from '../testkit/fixtures.js';

const signUp = () => loadEvent('cognito-user-pool');
const withTrigger = (triggerSource: string) => ({ ...signUp(), triggerSource });

describe('Cognito user pool triggers by trigger source', () => {
  it('accepts only the listed trigger sources and logs the others as unexpected_source', async () => {
    const log = captureLog();
    const handler = guard(async (req) => req.event, {
      allow: ['cognito-user-pool'],
      cognitoTriggers: ['PreSignUp_SignUp'],
      logger: log.options,
    });
    assert.equal((await handler(signUp(), context()) as { triggerSource: string }).triggerSource, 'PreSignUp_SignUp');
    await assert.rejects(handler(withTrigger('PreSignUp_AdminCreateUser'), context()),
      (e: unknown) => e instanceof GuardError && e.event === 'unexpected_source');
    const [record] = log.records();
    assert.equal(record?.['event'], 'unexpected_source');
    assert.equal(record?.['source'], 'cognito-user-pool');
    assert.deepEqual(record?.['details'], { triggerSource: 'PreSignUp_AdminCreateUser', allowedTriggers: ['PreSignUp_SignUp'] });
  });

  it('accepts every trigger source when none is listed', async () => {
    const handler = guard(async () => 'ok', { allow: ['cognito-user-pool'], logger: quiet });
    assert.equal(await handler(withTrigger('CustomMessage_ForgotPassword'), context()), 'ok');
  });

  it('takes an event without a string triggerSource for no Cognito trigger (here a direct invocation)', async () => {
    const handler = guard(async () => 'ok', { allow: ['cognito-user-pool', 'direct'], cognitoTriggers: ['PreSignUp_SignUp'], logger: quiet });
    // Without a string triggerSource the event is not a Cognito trigger at all.
    assert.equal(await handler({ ...signUp(), triggerSource: 7 }, context()), 'ok');
  });

  it('refuses an unknown trigger name at setup, so that a typo does not refuse every sign-up', () => {
    // TypeScript refuses the misspelling too; JavaScript callers get it at setup.
    assert.throws(() => guard(async () => 'ok', { allow: ['cognito-user-pool'], cognitoTriggers: ['PreSignup_SignUp' as never] }), /PreSignup_SignUp/);
    assert.throws(() => guard(async () => 'ok', { allow: ['cognito-user-pool'], cognitoTriggers: ['PreSignUp_' as never] }), /PreSignUp_/);
    assert.throws(() => guard(async () => 'ok', { allow: ['sqs'], cognitoTriggers: ['PreSignUp_SignUp'] }), /cognito-user-pool/);
  });

  it('validates per trigger with a raw envelope and a union on triggerSource', async () => {
    const PerTrigger = z.discriminatedUnion('triggerSource', [
      z.object({ triggerSource: z.literal('PreSignUp_SignUp'), request: z.object({ userAttributes: z.object({ email: z.email() }) }) }),
      z.object({ triggerSource: z.literal('PostConfirmation_ConfirmSignUp'), request: z.object({ userAttributes: z.object({ sub: z.string() }) }) }),
    ]);
    const handler = guard(async (req) => req.data.triggerSource, {
      allow: ['cognito-user-pool'],
      cognitoTriggers: ['PreSignUp_SignUp', 'PostConfirmation_ConfirmSignUp'],
      schemas: { 'cognito-user-pool': { schema: PerTrigger, envelope: 'raw' } },
      logger: quiet,
    });
    assert.equal(await handler(signUp(), context()), 'PreSignUp_SignUp');
    const bad = signUp();
    bad.request.userAttributes.email = 'not an address';
    await assert.rejects(handler(bad, context()), (e: unknown) => e instanceof GuardError && e.event === 'validation_failed');
  });
});
