import { ModelIndex } from '../../model/model-index.js';
import { display } from '../../model/value.js';
import { rolePermissions, type GrantingStatement, type StatementGrant } from '../../iam/role-permissions.js';
import { targetFitsService } from '../../iam/resource-target.js';
import { actionId, actionPatternMatches } from '../../iam/expand-actions.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { actorText, grantsText, namesText, relatedIdentityFunctions, statementKey, statementOwnerText, usesText } from './privilege-text.js';
import { judgedIdentities, judgedPermissions, severityOf, type JudgedIdentity } from './judged-identity.js';

/**
 * Statements written for the application (inline, customer managed, SAM policy templates) that
 * grant whole services: `service:*`, or NotAction. AWS managed policies are judged by
 * iam-broad-managed-policy, and `*` on every resource by iam-cross-service-admin.
 */
export const iamWildcardAction: Rule = {
  meta: {
    id: 'iam-wildcard-action',
    title: 'Policy grants every action of a service',
    category: 'SAS-4',
    cwe: ['CWE-250'],
    severity: 'high',
    description:
      "A policy statement of a function's role grants `service:*` (every action of the service, including ones added later) or uses `NotAction` with `Allow` (every action of every service but a few). A function needs a handful of actions; an attacker who controls its code (an injection, a vulnerable dependency) gets all the others: deleting tables and buckets, changing their policies, reading every item. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries. When a function reachable from the internet (signed in or not) runs with the role, the severity is one step higher; for a role no function uses that only services acting on the template's own configuration may assume (Step Functions, EventBridge, API Gateway, Firehose, CloudFormation …, not EC2, ECS tasks, CodeBuild or SageMaker, which run code), one step lower. `logs:*`, `cloudwatch:*` and `xray:*` alone are medium: they reach telemetry, not data.",
    remediation:
      'List the actions the function calls (`dynamodb:GetItem`, `dynamodb:PutItem` …) instead of `service:*`, and replace `NotAction` with an `Action` list. For SAM, prefer policy templates such as `DynamoDBCrudPolicy` scoped to the table.',
    example: {
      language: 'yaml',
      vulnerable: 'Policies:\n  - Statement:\n      - Effect: Allow\n        Action: dynamodb:*\n        Resource: !GetAtt Orders.Arn',
      fixed: 'Policies:\n  - Statement:\n      - Effect: Allow\n        Action: [dynamodb:GetItem, dynamodb:PutItem]\n        Resource: !GetAtt Orders.Arn',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_63', 'cfn-nag F3', 'cfn-nag F4', 'cfn-nag F5', 'cfn-nag W15', 'cfn-nag W16', 'cfn-nag W17'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const identity of judgedIdentities(index)) {
      for (const s of judgedPermissions(identity, index).statements) {
        const patterns = wildcardPatterns(s);
        if (s.policy.kind === 'aws-managed' || s.admin || patterns.length === 0) continue;
        results.push(result(identity, s, patterns));
      }
    }
    return results;
  },
};

/**
 * `*`, `service:*` and NotAction: what makes a statement grant whole services. A `service:*` whose
 * service none of the statement's resources belongs to grants nothing (`logs:*` on a Firehose
 * stream's ARN), so it is not counted.
 */
function wildcardPatterns(s: GrantingStatement): string[] {
  if (s.statement.notActions.length > 0) return [`NotAction ${s.statement.notActions.map(display).join(', ')}`];
  const patterns = s.statement.actions.filter((a): a is string => typeof a === 'string' && /^(\*|[^:]+:\*)$/.test(a.trim()));
  return patterns.filter((p) => {
    const service = p.trim().split(':')[0]!;
    return service === '*' || s.resources.some((r) => targetFitsService(r, service));
  });
}

/** `logs:*`, `cloudwatch:*`, `xray:*`: an attacker can erase or forge telemetry, not reach data. */
function isTelemetry(pattern: string): boolean {
  return /^(logs|cloudwatch|xray):\*$/.test(pattern.trim());
}

/**
 * Actions of the statement that its resources can concern. Asked once per service, not per action:
 * `*` is 22,000 actions, listed service by service.
 */
function fittingActions(s: GrantingStatement, patterns: readonly string[]): number {
  let count = 0;
  let service: string | undefined;
  let fits = false;
  for (const a of s.actions) {
    if (a.service !== service) {
      service = a.service;
      fits = s.resources.some((r) => targetFitsService(r, a.service));
    }
    // The actions the wildcards expand to, not the statement's others written out beside them.
    if (fits && patterns.some((p) => actionPatternMatches(p, actionId(a)))) count++;
  }
  return count;
}

function result(i: JudgedIdentity, s: GrantingStatement, patterns: string[]): RuleResult {
  const on = namesText(s.resources.map((r) => (r.kind === 'any' ? `every resource (${r.text})` : r.text)));
  const can = `${enoughText(wildcardGrants(s, patterns, true))}${othersText(s, patterns)}`;
  return {
    message: `${statementOwnerText(i, s)} grants ${namesText(patterns)} (${fittingActions(s, patterns)} actions) on ${on}: ${actorText(i)} can call every one of them${s.anyResource ? '' : ` that acts on ${s.resources.length === 1 ? 'it' : 'them'}`}${can}. List only the actions ${usesText(i)}.`,
    location: s.statement.loc,
    related: relatedIdentityFunctions(i),
    subject: subjectOf(i.element),
    key: [i.element.logicalId, statementKey(s)],
    severity: severityOf(i, patterns.every(isTelemetry) ? 'medium' : 'high'),
  };
}

/**
 * The grants of the actions the wildcards give (`matched`), or of those written out beside them: a
 * statement of `kms:*` and `iam:AttachRolePolicy` manages IAM through the latter, which the
 * message names apart. NotAction gives every action it does not list.
 */
function wildcardGrants(s: GrantingStatement, patterns: readonly string[], matched: boolean): StatementGrant[] {
  if (s.statement.notActions.length > 0) return matched ? s.grants : [];
  return s.grants.flatMap((g) => {
    const actions = g.actions.filter((a) => patterns.some((p) => actionPatternMatches(p, a)) === matched);
    return actions.length > 0 ? [{ ...g, actions }] : [];
  });
}

function enoughText(grants: readonly StatementGrant[]): string {
  return grants.length > 0 ? `: enough to ${grantsText(grants)}` : '';
}

/** What the statement's other actions add to what the wildcards allow. */
function othersText(s: GrantingStatement, patterns: readonly string[]): string {
  const shown = new Set(wildcardGrants(s, patterns, true).map((g) => g.capability));
  const more = wildcardGrants(s, patterns, false).filter((g) => !shown.has(g.capability));
  if (more.length === 0) return '';
  const actions = [...new Set(more.flatMap((g) => g.actions))].sort();
  return `; its other action${actions.length === 1 ? '' : 's'} (${namesText(actions)}) can ${grantsText(more)}`;
}
