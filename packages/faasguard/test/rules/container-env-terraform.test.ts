/**
 * `container-env-plaintext-secret` on Terraform, whose container definitions are JSON text in the
 * ECS API's spelling (`environment: [{ name, value }]`), written with `jsonencode` or as a string.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { containerEnvPlaintextSecret } from '../../src/rules/secrets/container-env-plaintext-secret.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

describe('container-env-plaintext-secret on Terraform', () => {
  it('reads container_definitions written with jsonencode and as a heredoc', async () => {
    const dir = project({
      'main.tf': `resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "worker:1"
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "DB_PASSWORD", value = "Tr0ub4dor-Prod-2024!x" },
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "report" {
  family                = "report"
  container_definitions = <<JSON
[{"name": "report", "image": "report:1", "environment": [{"name": "API_SECRET", "value": "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"}]}]
JSON
}

resource "aws_ecs_task_definition" "clean" {
  family = "clean"
  container_definitions = jsonencode([{ name = "app", image = "clean:1", environment = [{ name = "LOG_LEVEL", value = "info" }] }])
}
`,
    });
    const result = await scan(dir, { noCache: true, rules: [containerEnvPlaintextSecret] });
    assert.deepEqual(
      result.findings.map((f) => [f.subject?.logicalId, f.location.line, f.message.split(' holds')[0]]),
      [
        ['aws_ecs_task_definition.worker', 9, 'Environment variable DB_PASSWORD of container app in task definition aws_ecs_task_definition.worker'],
        ['aws_ecs_task_definition.report', 17, 'Environment variable API_SECRET of container report in task definition aws_ecs_task_definition.report'],
      ],
    );
  });

  it('warns at the line of container definitions whose text is not JSON, and goes on', async () => {
    const dir = project({
      'main.tf': `resource "aws_ecs_task_definition" "broken" {
  family                = "broken"
  container_definitions = "[{\\"name\\": \\"app\\", "
}
`,
    });
    const result = await scan(dir, { noCache: true, rules: [containerEnvPlaintextSecret] });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.diagnostics.filter((d) => d.code === 'malformed-container-definitions').map((d) => [d.loc?.file, d.loc?.line]),
      [['main.tf', 3]],
    );
  });
});
