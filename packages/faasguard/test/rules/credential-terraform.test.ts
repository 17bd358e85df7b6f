/**
 * Terraform's databases, caches, brokers and connections are judged for the credentials they hold,
 * as their CloudFormation counterparts are: a literal is reported where it is written; a password
 * AWS manages, or one from a variable without a value, is not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const MAIN_TF = `resource "aws_rds_cluster" "managed" {
  cluster_identifier          = "managed"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
}

variable "cache_token" {
  type      = string
  sensitive = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  auth_token           = var.cache_token
}

resource "aws_mq_broker" "jobs" {
  broker_name        = "jobs"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.t3.micro"
  user {
    username = "reader"
    password = var.cache_token
  }
  user {
    username = "admin"
    password = "admin-admin-admin"
  }
}
`;

describe('credentials in Terraform', () => {
  it('reports the literal broker password only', async () => {
    const result = await scan(project({ 'main.tf': MAIN_TF }), { noCache: true });
    const found = result.findings.filter((f) => f.ruleId === 'credential-in-template').map((f) => [f.location.file, f.location.line, f.subject?.logicalId]);
    assert.deepEqual(found, [['main.tf', 30, 'aws_mq_broker.jobs']]);
  });
});
