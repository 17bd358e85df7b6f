import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { secretFacts, type SecretFacts } from '../../model/facts/secret-store-facts.js';
import { isComposite, isRef, type Value } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const secretWithoutRotation: Rule = {
  meta: {
    id: 'secret-without-rotation',
    title: 'Database secret without automatic rotation',
    category: 'SAS-7',
    cwe: ['CWE-324'],
    severity: 'low',
    description:
      "A Secrets Manager secret holding a database's credentials has no `AWS::SecretsManager::RotationSchedule`. A credential that never changes stays valid for as long as anyone who once read it (a former developer, a leaked log, a copied environment variable) keeps it.\n\n" +
      "Only secrets that AWS can rotate without code of your own are reported: the credentials of a database of the template (a `SecretTargetAttachment`, or an RDS, Aurora, Redshift, DocumentDB or Neptune resource whose master password reads the secret), for which AWS provides the rotation functions (`HostedRotationLambda`). Any other secret (a generated token, a third party's key) needs a rotation function written for whatever uses it, and is left to the team's judgement (AWS Config's `secretsmanager-rotation-enabled-check` reports every secret). Databases that manage their own password (`ManageMasterUserPassword: true`) rotate it themselves and create no secret in the template.",
    remediation:
      'Add an `AWS::SecretsManager::RotationSchedule` for the secret: for an RDS, Redshift or DocumentDB secret, `HostedRotationLambda` with the matching `RotationType` and `RotationRules: { ScheduleExpression: rate(30 days) }`; otherwise a rotation function of your own. For RDS and Aurora, prefer `ManageMasterUserPassword: true`. Make readers fetch the secret at run time (cached for minutes, not forever) so that a new value reaches them.',
    example: {
      language: 'yaml',
      vulnerable: 'DbSecret:\n  Type: AWS::SecretsManager::Secret\n  Properties:\n    GenerateSecretString: { SecretStringTemplate: \'{"username":"app"}\', GenerateStringKey: password }',
      fixed: 'DbSecretRotation:\n  Type: AWS::SecretsManager::RotationSchedule\n  Properties:\n    SecretId: !Ref DbSecret\n    HostedRotationLambda: { RotationType: PostgreSQLSingleUser }\n    RotationRules: { ScheduleExpression: rate(30 days) }',
    },
    references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-rotationschedule.html'],
    judges: ['AWS::SecretsManager::Secret'],
  },
  check({ model }) {
    return secretFacts(model)
      .filter((s) => !s.rotated && s.attachedToDatabase)
      .map((s) => result(s, readersOf(s, model)));
  },
};

function result(s: SecretFacts, readers: LambdaFunction[]): RuleResult {
  const name = nameOf(s.resource);
  const read = readers.length > 0 ? ` It is passed to function${readers.length === 1 ? '' : 's'} ${readers.map(nameOf).join(', ')}.` : '';
  return {
    message: `Secret ${name} has no rotation schedule, though it holds the credentials of a database of the template, which AWS's hosted rotation functions can change: the same value stays valid indefinitely.${read} Add an AWS::SecretsManager::RotationSchedule.`,
    location: s.resource.loc,
    related: readers.map((f) => ({ loc: f.loc, message: `function ${nameOf(f)} receives the secret` })),
    subject: subjectOf(s.resource),
    key: [s.resource.logicalId],
  };
}

/** Functions whose environment names the secret (its ARN, or a dynamic reference built on it). */
function readersOf(s: SecretFacts, model: AppModel): LambdaFunction[] {
  return model.functions.filter((f) => f.environment.some((v) => refersTo(v.value, s.resource.id)));
}

function refersTo(v: Value, id: string): boolean {
  if (isRef(v)) return v.target === id;
  return isComposite(v) && v.parts.some((p) => isRef(p) && p.target === id);
}
