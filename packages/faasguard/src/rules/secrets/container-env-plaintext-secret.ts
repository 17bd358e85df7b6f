import type { Resource } from '../../model/app-model.js';
import { containerEnvironment, JOB_DEFINITION_TYPE, TASK_DEFINITION_TYPE } from '../../model/facts/container-environment.js';
import { kindInSentence } from '../../secrets/index.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { confidenceSeverity } from './secret-text.js';
import { namedValueSecret } from './named-value-secret.js';

export const containerEnvPlaintextSecret: Rule = {
  meta: {
    id: 'container-env-plaintext-secret',
    title: 'Plaintext secret in a container environment variable',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-312'],
    severity: 'high',
    description:
      "An environment variable of a container (an ECS task definition's container, the container of a Batch job definition) holds a credential written into the template. It is stored in the template, in CloudFormation or the Terraform state, and in every revision of the task definition, where anyone allowed `ecs:DescribeTaskDefinition` (read-only roles, the console, support tooling) reads it; rotating it needs a new revision. Containers often sit beside the functions of a serverless app: the tasks a state machine or a function starts, the workers of a queue.",
    remediation:
      "Store the secret in AWS Secrets Manager or as an SSM Parameter Store SecureString, and give it to the container under `Secrets` (`Name`, `ValueFrom`: the secret's ARN), which ECS resolves when it starts the task; the task's execution role then needs `secretsmanager:GetSecretValue` or `ssm:GetParameters` on it. Rotate the exposed credential: it is already in the repository history.",
    example: {
      language: 'yaml',
      vulnerable: 'ContainerDefinitions:\n  - Name: worker\n    Image: worker:1\n    Environment:\n      - Name: DB_PASSWORD\n        Value: hunter2-Prod-2024!',
      fixed: 'ContainerDefinitions:\n  - Name: worker\n    Image: worker:1\n    Secrets:\n      - Name: DB_PASSWORD\n        ValueFrom: !Ref DbSecret',
    },
    references: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html'],
    judges: [TASK_DEFINITION_TYPE, JOB_DEFINITION_TYPE],
    peerChecks: ['AWS Config ecs-no-environment-secrets', 'tfsec aws-ecs-no-plaintext-secrets'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const r of model.resources) {
      for (const v of containerEnvironment(r)) {
        const match = namedValueSecret(v.name, v.value);
        if (!match) continue;
        const severity = confidenceSeverity(match);
        results.push({
          message: `Environment variable ${v.name} of ${holder(r, v.container)} holds a plaintext secret (${kindInSentence(match.kind)}: ${match.redacted}): anyone who can describe the ${r.type === TASK_DEFINITION_TYPE ? 'task' : 'job'} definition reads it. Pass it under Secrets, from Secrets Manager or a SecureString parameter.`,
          location: v.loc,
          subject: subjectOf(r),
          key: [r.logicalId, v.container, v.name],
          ...(severity ? { severity } : {}),
        });
      }
    }
    return results;
  },
};

/** A task definition's container by name; a job definition has one container, itself. */
function holder(r: Resource, container: string): string {
  return r.type === TASK_DEFINITION_TYPE ? `container ${container} in task definition ${nameOf(r)}` : `job definition ${nameOf(r)}`;
}
