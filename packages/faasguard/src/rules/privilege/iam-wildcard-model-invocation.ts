import { ModelIndex } from '../../model/model-index.js';
import type { ExpandedAction } from '../../iam/expand-actions.js';
import type { GrantingStatement } from '../../iam/role-permissions.js';
import type { Rule } from '../rule.js';
import { actionsOnAnyResource, judgeWildcardStatements } from './wildcard-statements.js';

/**
 * The actions that run a Bedrock model (the Converse API is authorized by them too), billed per
 * token to the account. Agents, knowledge bases and guardrails are the application's own
 * resources, not the catalogue of models, and are left to the other rules.
 */
const MODEL_INVOCATION = new Set(['invokemodel', 'invokemodelwithresponsestream']);

export const iamWildcardModelInvocation: Rule = {
  meta: {
    id: 'iam-wildcard-model-invocation',
    title: 'Every generative AI model can be invoked (denial of wallet)',
    category: 'SAS-4',
    cwe: ['CWE-732', 'CWE-770'],
    severity: 'low',
    description:
      "A policy statement grants `bedrock:InvokeModel` or `bedrock:InvokeModelWithResponseStream` (which the Converse API also needs) on every resource: `Resource: \"*\"`, or every foundation model (`arn:aws:bedrock:*::foundation-model/*`). The application calls one or two models; with this statement, whoever acts with the identity can run any model the account has access to, the costliest included (their prices per token differ a hundredfold), at the account's expense, and models that were never approved for the application's data. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries.\n\n" +
      "Severity: `low` (it spends, it reads and destroys nothing). One step higher when a function reachable from the internet runs with the role; one step lower for a role no function uses that only services acting on the template's own configuration assume (a Step Functions state machine whose definition names its model). Whole-service grants (`bedrock:*`) are reported by iam-wildcard-action, administrator access by iam-broad-managed-policy and iam-cross-service-admin. A statement with a `Condition` is left out, since the condition may be what scopes it, unless it tests only `aws:RequestedRegion` or `aws:SecureTransport`.",
    remediation:
      'Name the models the code calls: `arn:aws:bedrock:<region>::foundation-model/<model id>`, and for a cross-Region inference profile, the profile (`arn:aws:bedrock:<region>:<account>:inference-profile/<profile id>`) with the foundation model in each Region it routes to.',
    example: {
      language: 'yaml',
      vulnerable: 'Statement:\n  - Effect: Allow\n    Action: bedrock:InvokeModel\n    Resource: "*"',
      fixed: 'Statement:\n  - Effect: Allow\n    Action: bedrock:InvokeModel\n    Resource: !Sub arn:aws:bedrock:${AWS::Region}::foundation-model/amazon.titan-embed-text-v2:0',
    },
    references: [
      'https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html',
      'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
    ],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    return judgeWildcardStatements(ModelIndex.of(model), {
      actions: (s) => (namesEveryModel(s) ? actionsOnAnyResource(s, invokesModel) : []),
      can: (_actions, s) => `run any model the account has access to${inOneRegion(s) ? ' in that Region' : ''}, the costliest included, billed per token to the account`,
      severity: 'low',
      fix: (i) => `Name the models ${i.functions.length > 0 ? 'the code calls' : 'it calls'} (arn:aws:bedrock:<region>::foundation-model/<model id>; for a cross-Region inference profile, the profile and its model in each Region it routes to) instead of a wildcard.`,
    });
  },
};

/**
 * A wildcard that covers the foundation models: `*`, or every resource or every foundation model
 * of Bedrock. A wildcard on inference profiles alone runs no model it does not also name: a call
 * through a profile needs the foundation model granted too.
 */
function namesEveryModel(s: GrantingStatement): boolean {
  return s.resources.some((r) => r.kind === 'any' && (r.service === undefined || /^(\*|foundation-model\/\*)$/.test(arnResource(r.text))));
}

/** The part of an ARN after its account (`foundation-model/*`): `*` for a shorter wildcard ARN (`arn:aws:bedrock:*`). */
function arnResource(text: string): string {
  const parts = text.split(':');
  if (parts[0] !== 'arn') return text;
  return parts.length >= 6 ? parts.slice(5).join(':') : '*';
}

/** Every wildcard target names one Region (`arn:aws:bedrock:${AWS::Region}::foundation-model/*`), not all of them. */
function inOneRegion(s: GrantingStatement): boolean {
  const any = s.resources.filter((r) => r.kind === 'any');
  return any.length > 0 && any.every((r) => /^arn:[^:]+:bedrock:[^:*]+:/.test(r.text));
}

function invokesModel(a: ExpandedAction): boolean {
  return a.service === 'bedrock' && MODEL_INVOCATION.has(a.name.toLowerCase());
}
