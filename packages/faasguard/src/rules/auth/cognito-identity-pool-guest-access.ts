import type { IamRole, LambdaFunction } from '../../model/app-model.js';
import { guestRolesOfOutsidePools, identityPools, type GuestRole, type IdentityPoolFacts } from '../../model/facts/identity-pool-facts.js';
import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import { CAPABILITIES, CAPABILITY_TEXT, type Capability } from '../../iam/action-capabilities.js';
import { rolePermissions } from '../../iam/role-permissions.js';
import { actionId } from '../../iam/expand-actions.js';
import type { Severity } from '../../findings/finding.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const cognitoIdentityPoolGuestAccess: Rule = {
  meta: {
    id: 'cognito-identity-pool-guest-access',
    title: 'Identity pool gives AWS credentials to unauthenticated guests',
    category: 'SAS-2',
    cwe: ['CWE-306', 'CWE-284'],
    severity: 'medium',
    description:
      "A Cognito identity pool allows unauthenticated identities (`AllowUnauthenticatedIdentities: true`). Anyone who knows the pool id, which ships inside the web or mobile app, can call `GetId` and `GetCredentialsForIdentity` and receive temporary AWS credentials for the pool's unauthenticated role, then call AWS APIs directly with them, outside the app.\n\n" +
      "What guests can do is what that role grants, so the severity follows the role (an `AWS::Cognito::IdentityPoolRoleAttachment` gives it under `Roles.unauthenticated`): `high` when it lets them invoke a function of the template (straight to the function, outside every API and authorizer), write or delete data, change IAM, pass or assume roles, change or invoke any function, or administer the account; `medium` when it lets them read data or the role is not in the template; `low` when the role grants none of that or no attachment in the template gives guests a role. An attachment whose identity pool is outside the template is judged alone, by the role it gives guests. A pool whose guests get only roles that send telemetry (`rum:PutRumEvents` for a CloudWatch RUM app monitor, `mobileanalytics:PutEvents`, `mobiletargeting:PutEvents`) is not reported: unauthenticated access is what those services need, and the credentials can do nothing else.",
    remediation:
      'Turn guest access off (`AllowUnauthenticatedIdentities: false`) unless the app needs it. If it does, give the unauthenticated role only the few actions guests need on the named resources (for example `geo:SearchPlaceIndexForText` on one place index), never write, delete or IAM actions, and keep the role\'s trust policy limited to `cognito-identity.amazonaws.com` with the `aud` of this pool and `amr` = `unauthenticated`.',
    example: {
      language: 'yaml',
      vulnerable: 'Type: AWS::Cognito::IdentityPool\nProperties:\n  AllowUnauthenticatedIdentities: true',
      fixed: 'Type: AWS::Cognito::IdentityPool\nProperties:\n  AllowUnauthenticatedIdentities: false',
    },
    references: [
      'https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#authenticated-and-unauthenticated-identities',
      'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
    ],
    judges: ['AWS::Cognito::IdentityPool', 'AWS::Cognito::IdentityPoolRoleAttachment'],
    peerChecks: ['Checkov CKV_AWS_366', 'cfn-nag W57'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const pool of identityPools(model)) {
      if (pool.allowsGuests && !guestAccessByDesign(pool, index)) results.push(checkPool(pool, index));
    }
    for (const guest of guestRolesOfOutsidePools(model)) if (!onlySendsTelemetry(guest, index)) results.push(checkOutsidePool(guest, index));
    return results;
  },
};

/** Capabilities that let a guest change the account or its data. */
const HIGH: ReadonlySet<Capability> = new Set(['admin', 'delete-data', 'write-data', 'manage-iam', 'pass-role', 'modify-functions', 'invoke-any-function', 'control-workflows', 'assume-roles']);

interface Verdict {
  severity: Severity;
  text: string;
}

function checkPool(pool: IdentityPoolFacts, index: ModelIndex): RuleResult {
  const name = nameOf(pool.pool);
  const base = `Identity pool ${name} allows unauthenticated identities: anyone who knows its id can get AWS credentials without signing in.`;
  if (pool.guestRoles.length === 0) {
    return {
      message: `${base} No role attachment in the template gives guests a role; check the one attached elsewhere.`,
      location: pool.guestLoc,
      subject: subjectOf(pool.pool),
      key: [pool.pool.logicalId],
      severity: 'low',
    };
  }
  const verdicts = pool.guestRoles.map((g) => judgeRole(g, index));
  const worst = verdicts.reduce((a, b) => (rank(b.severity) > rank(a.severity) ? b : a));
  return {
    message: `${base} ${verdicts.map((v) => v.text).join(' ')}`,
    location: pool.guestLoc,
    related: pool.guestRoles.map((g) => ({ loc: g.loc, message: `guests get role ${display(g.role)}` })),
    subject: subjectOf(pool.pool),
    key: [pool.pool.logicalId],
    severity: worst.severity,
  };
}

function checkOutsidePool(guest: GuestRole, index: ModelIndex): RuleResult {
  const verdict = judgeRole(guest, index);
  return {
    message: `Role attachment ${nameOf(guest.attachment)} gives the unauthenticated guests of identity pool ${display(guest.poolId)} (outside the template) AWS credentials. ${verdict.text}`,
    location: guest.loc,
    subject: subjectOf(guest.attachment),
    key: [guest.attachment.logicalId],
    severity: verdict.severity,
  };
}

function judgeRole(guest: GuestRole, index: ModelIndex): Verdict {
  const role = index.role(guest.roleId);
  if (!role) return { severity: 'medium', text: `Guests get role ${display(guest.role)}, which is not in the template: review what it grants.` };
  const capabilities = capabilitiesOf(role, index);
  const functions = invokableFunctions(role, index);
  if (functions.length > 0) {
    const more = capabilities.length > 0 ? ` and ${listText(capabilities)}` : '';
    return { severity: 'high', text: `Guests get role ${nameOf(role)}, which lets them invoke function${functions.length === 1 ? '' : 's'} ${functions.map(nameOf).join(', ')} directly, outside any API and authorizer${more}.` };
  }
  const high = capabilities.filter((c) => HIGH.has(c));
  if (high.length > 0) return { severity: 'high', text: `Guests get role ${nameOf(role)}, which lets them ${listText(capabilities)}.` };
  if (capabilities.length > 0) return { severity: 'medium', text: `Guests get role ${nameOf(role)}, which lets them ${listText(capabilities)}.` };
  return { severity: 'low', text: `Guests get role ${nameOf(role)}, which grants no write, delete, IAM or read-all access.` };
}

/**
 * Actions that only hand telemetry to AWS: the guest role of a CloudWatch RUM app monitor or of
 * app analytics exists so that every visitor, signed in or not, can send it.
 */
const TELEMETRY = new Set(['rum:PutRumEvents', 'mobileanalytics:PutEvents', 'mobiletargeting:PutEvents']);

function guestAccessByDesign(pool: IdentityPoolFacts, index: ModelIndex): boolean {
  return pool.guestRoles.length > 0 && pool.guestRoles.every((g) => onlySendsTelemetry(g, index));
}

/** A guest role of the template that grants nothing but sending telemetry: guest access by design. */
function onlySendsTelemetry(guest: GuestRole, index: ModelIndex): boolean {
  const role = index.role(guest.roleId);
  if (!role) return false;
  const statements = rolePermissions(role, index).statements;
  return statements.length > 0 && statements.every((s) => !s.admin && s.actions.length > 0 && s.actions.every((a) => TELEMETRY.has(actionId(a))));
}

function capabilitiesOf(role: IamRole, index: ModelIndex): Capability[] {
  const found = new Set<Capability>();
  for (const s of rolePermissions(role, index).statements) {
    if (s.admin) found.add('admin');
    for (const g of s.grants) found.add(g.capability);
  }
  return CAPABILITIES.filter((c) => found.has(c));
}

/** Functions of the template the role may invoke by name (any function at all is the `invoke-any-function` capability). */
function invokableFunctions(role: IamRole, index: ModelIndex): LambdaFunction[] {
  const found = new Map<string, LambdaFunction>();
  for (const s of rolePermissions(role, index).statements) {
    if (!s.actions.some((a) => INVOKE.test(actionId(a)))) continue;
    for (const r of s.resources) {
      const fn = r.kind === 'model' ? index.function(r.id) : undefined;
      if (fn) found.set(fn.id, fn);
    }
  }
  return [...found.values()];
}

const INVOKE = /^lambda:(InvokeFunction|InvokeWithResponseStream)$/;

function listText(capabilities: readonly Capability[]): string {
  return capabilities.map((c) => CAPABILITY_TEXT[c]).join(', ');
}

function rank(s: Severity): number {
  return ['info', 'low', 'medium', 'high', 'critical'].indexOf(s);
}
