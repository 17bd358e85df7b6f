/**
 * Terraform's KMS keys and Amazon MQ brokers are judged as their CloudFormation counterparts are:
 * a key AWS cannot rotate (asymmetric, in a custom key store) or one that rotates is not reported
 * for rotation; a broker without public access is not reported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const KEYS_TF = `resource "aws_kms_key" "rotated" {
  description         = "rotated"
  enable_key_rotation = true
}

resource "aws_kms_key" "in_cloudhsm" {
  description         = "kept in a CloudHSM key store"
  custom_key_store_id = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "forgotten" {
  description = "forgotten"
}
`;

const BROKERS_TF = `variable "broker_password" {
  type      = string
  sensitive = true
}

resource "aws_mq_broker" "internal" {
  broker_name        = "internal"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.t3.micro"
  subnet_ids         = ["subnet-0123456789abcdef0"]
  user {
    username = "app"
    password = var.broker_password
  }
}

resource "aws_mq_broker" "closed" {
  broker_name         = "closed"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = false
  user {
    username = "app"
    password = var.broker_password
  }
}

resource "aws_mq_broker" "open" {
  broker_name         = "open"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = true
  security_groups     = ["sg-0123456789abcdef0"]
  user {
    username       = "app"
    password       = var.broker_password
    console_access = true
  }
}
`;

function found(findings: Awaited<ReturnType<typeof scan>>['findings'], ruleId: string): unknown[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => [f.location.file, f.location.line, f.subject?.logicalId, f.severity]);
}

describe('Terraform KMS keys and brokers', () => {
  it('reports only the key that AWS could rotate and does not', async () => {
    const result = await scan(project({ 'main.tf': KEYS_TF }), { noCache: true });
    assert.deepEqual(found(result.findings, 'kms-key-without-rotation'), [['main.tf', 16, 'aws_kms_key.forgotten', 'low']]);
  });

  it('reports only the publicly accessible broker, naming its console users and security groups', async () => {
    const result = await scan(project({ 'main.tf': BROKERS_TF }), { noCache: true });
    assert.deepEqual(found(result.findings, 'mq-broker-publicly-accessible'), [['main.tf', 35, 'aws_mq_broker.open', 'medium']]);
    const message = result.findings.find((f) => f.ruleId === 'mq-broker-publicly-accessible')?.message ?? '';
    assert.match(message, /web console \(1 user with console access\)/);
    assert.match(message, /security groups admit/);
  });
});
