/**
 * Every rule against its fixtures: `fail/` must give exactly the expected findings (rule, file,
 * line, subject), `pass/` must give none of that rule.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan, type ScanOptions } from '../../src/scan/scan.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { iamWildcardAction } from '../../src/rules/privilege/iam-wildcard-action.js';
import type { Rule } from '../../src/rules/rule.js';
import { FIXTURES } from '../helpers/paths.js';

// Runtime deprecation depends on the scan date: pin it so that the fixtures keep their meaning.
process.env['FAASGUARD_NOW'] ??= '2026-11-23';

interface Expected {
  line: number;
  /** Logical id of the finding's subject; absent when the finding has none (a .env file outside any code) */
  subject?: string;
  severity?: string;
  /** The file the finding points into, when not the template (a lockfile, a code file) */
  file?: string;
}

const CASES: Record<string, Expected[]> = {
  'vulnerable-dependency': [
    { file: 'api/package-lock.json', line: 22, subject: 'Api' },
    { file: 'tools/package-lock.json', line: 15, subject: 'Tools', severity: 'medium' },
  ],
  'dependency-from-git': [{ file: 'api/package-lock.json', line: 14, subject: 'Api' }],
  'dependency-from-tarball-or-path': [
    { file: 'api/package-lock.json', line: 15, subject: 'Api' },
    { file: 'api/package-lock.json', line: 20, subject: 'Api', severity: 'low' },
  ],
  'dependency-foreign-registry': [
    { file: 'api/package-lock.json', line: 15, subject: 'Api' },
    { file: 'api/package-lock.json', line: 20, subject: 'Api' },
  ],
  'dependency-missing-integrity': [{ file: 'api/package-lock.json', line: 14, subject: 'Api' }],
  'dependency-install-script': [{ file: 'api/package-lock.json', line: 14, subject: 'Api' }],
  'python-requirement-unpinned': [
    { file: 'worker/requirements.txt', line: 2, subject: 'Worker' },
    { file: 'worker/requirements.txt', line: 3, subject: 'Worker' },
    { file: 'layer/python/requirements.txt', line: 1, subject: 'Worker' },
  ],
  'terraform-module-unpinned': [
    { file: 'main.tf', line: 1 },
    { file: 'main.tf', line: 7 },
    { file: 'main.tf', line: 14 },
    { file: 'modules/network/main.tf', line: 1 },
  ],
  'dependency-unused': [
    { file: 'api/package.json', line: 7, subject: 'Api' },
    { file: 'worker/requirements.txt', line: 1, subject: 'Worker' },
    { file: 'pinner/requirements.txt', line: 1, subject: 'Pinner' },
  ],
  'dependency-undeclared': [
    { file: 'api/index.js', line: 2, subject: 'Api' },
    { file: 'api/index.js', line: 3, subject: 'Api' },
    { file: 'worker/app.py', line: 3, subject: 'Worker' },
    { file: 'broker/src/publisher.py', line: 1, subject: 'Publisher' },
    { file: 'legacy/app.js', line: 1, subject: 'Legacy' },
  ],
  'template-parameter-secret-default': [
    { line: 6, subject: 'DbPassword' },
    { line: 7, subject: 'ApiToken', severity: 'medium' },
    { line: 16, subject: 'BrokerLogin', severity: 'high' },
    { line: 18, subject: 'CacheAuth', severity: 'medium' },
  ],
  'secret-in-tags': [
    { line: 11, subject: 'Api' },
    { line: 19, subject: 'Uploads' },
  ],
  'secret-in-inline-code': [
    { line: 10, subject: 'Hook' },
    { line: 21, subject: 'Legacy' },
  ],
  'secret-in-code': [
    { file: '.env', line: 2 },
    { file: 'api/config.json', line: 3, subject: 'Api' },
    { file: 'api/index.js', line: 3, subject: 'Api' },
    { file: 'layers/shared/nodejs/token.js', line: 2, subject: 'Api' },
    { file: 'deps/python/settings.py', line: 2, subject: 'Worker' },
    { file: 'worker/app.py', line: 3, subject: 'Worker' },
  ],
  'api-route-without-auth': [
    { line: 30, subject: 'Open.Public' },
    { line: 31, subject: 'Open.Implicit' },
    { file: 'admin-api.yaml', line: 6, subject: 'AdminApi DELETE /admin/users' },
    { file: 'admin-api.yaml', line: 13, subject: 'AdminApi POST /admin/jobs' },
    { file: 'admin-api.yaml', line: 22, subject: 'AdminApi GET /status', severity: 'info' },
    { file: 'no-function.yaml', line: 14, subject: 'ProxyPost', severity: 'high' },
    { file: 'no-function.yaml', line: 41, subject: 'GatewayRoute', severity: 'high' },
    { file: 'imported-api.yaml', line: 16, subject: 'OrdersPost', severity: 'high' },
    { file: 'websocket.yaml', line: 29, subject: 'ChatConnect', severity: 'high' },
    { file: 'websocket.yaml', line: 31, subject: 'ChatSend', severity: 'high' },
  ],
  'container-env-plaintext-secret': [
    { line: 19, subject: 'Worker' },
    { line: 24, subject: 'Worker' },
    { line: 33, subject: 'Report' },
  ],
  'public-load-balancer-without-waf': [
    { line: 4, subject: 'Shop', severity: 'medium' },
    { line: 41, subject: 'Site', severity: 'medium' },
  ],
  'function-url-without-auth': [
    { line: 10, subject: 'Hook' },
    { line: 23, subject: 'Plain' },
    { line: 43, subject: 'Orders' },
    { file: 'outside.yaml', line: 7, subject: 'LegacyUrl' },
  ],
  'lambda-permission-public': [
    { line: 11, subject: 'Everyone' },
    { file: 'outside.yaml', line: 7, subject: 'AnyoneMayExport' },
  ],
  'lambda-permission-service-without-source': [{ line: 11, subject: 'FromAnyBucket' }],
  'api-route-api-key-only': [{ line: 15, subject: 'Partner.Feed' }],
  'authorizer-unused': [{ line: 13, subject: 'CognitoAuth' }],
  'cognito-user-pool-without-mfa': [{ line: 3, subject: 'Pool' }],
  'cognito-weak-password-policy': [
    { line: 8, subject: 'Short' },
    { line: 18, subject: 'Simple' },
  ],
  'cognito-mutable-authorization-attribute': [
    { line: 9, subject: 'Pool' },
    { line: 19, subject: 'PartnerClient', severity: 'medium' },
  ],
  'credential-in-template': [
    { line: 8, subject: 'Orders' },
    { line: 13, subject: 'Operator' },
    { line: 28, subject: 'Broker' },
    { line: 36, subject: 'Partner' },
    { line: 42, subject: 'Cache' },
    { line: 51, subject: 'Reports', severity: 'medium' },
    { line: 57, subject: 'PartnerKey' },
    { file: 'main.tf', line: 5, subject: 'aws_rds_cluster.orders' },
    { file: 'main.tf', line: 14, subject: 'aws_cloudwatch_event_connection.partner' },
  ],
  'appsync-api-key-only': [
    { line: 8, subject: 'ChatApi' },
    { line: 40, subject: 'NotesApi' },
    { file: 'main.tf', line: 3, subject: 'aws_appsync_graphql_api.orders' },
  ],
  'kms-key-policy-public': [
    { line: 9, subject: 'OrdersKey', severity: 'critical' },
    { line: 32, subject: 'ReadableKey', severity: 'high' },
    { line: 45, subject: 'EncryptOnlyKey', severity: 'medium' },
    { line: 54, subject: 'DescribedKey', severity: 'low' },
    { line: 64, subject: 'AllButDecryptKey', severity: 'critical' },
    { file: 'main.tf', line: 5, subject: 'aws_kms_key.logs', severity: 'high' },
    { file: 'main.tf', line: 22, subject: 'aws_kms_key.reports', severity: 'medium' },
  ],
  'cache-without-encryption': [
    { line: 3, subject: 'Sessions', severity: 'medium' },
    { line: 3, subject: 'Sessions', severity: 'low' },
    { line: 16, subject: 'Tokens', severity: 'medium' },
    { line: 17, subject: 'Tokens', severity: 'low' },
    { line: 26, subject: 'Migrating', severity: 'low' },
    { line: 28, subject: 'Unguarded', severity: 'medium' },
    { file: 'main.tf', line: 1, subject: 'aws_elasticache_replication_group.limits', severity: 'low' },
    { file: 'main.tf', line: 7, subject: 'aws_elasticache_replication_group.limits', severity: 'medium' },
  ],
  'express-workflow-without-logs': [
    { line: 10, subject: 'Checkout' },
    { line: 35, subject: 'Refunds' },
    { file: 'main.tf', line: 1, subject: 'aws_sfn_state_machine.returns' },
  ],
  'graphql-api-without-logs': [
    { line: 4, subject: 'ChatApi' },
    { line: 16, subject: 'NotesApi' },
    { file: 'main.tf', line: 1, subject: 'aws_appsync_graphql_api.orders' },
  ],
  'dynamodb-table-without-point-in-time-recovery': [
    { line: 4, subject: 'Orders' },
    { line: 17, subject: 'Audit' },
    { line: 18, subject: 'Sessions' },
    { line: 29, subject: 'Replicated' },
    { file: 'main.tf', line: 1, subject: 'aws_dynamodb_table.carts' },
    { file: 'main.tf', line: 20, subject: 'aws_dynamodb_table.history' },
  ],
  'kms-key-without-rotation': [
    { line: 8, subject: 'OrdersKey' },
    { line: 24, subject: 'LogsKey' },
    { line: 30, subject: 'ChosenKey' },
    { file: 'main.tf', line: 1, subject: 'aws_kms_key.reports' },
    { file: 'main.tf', line: 7, subject: 'aws_kms_key.uploads' },
  ],
  'mq-broker-publicly-accessible': [
    { line: 12, subject: 'Orders', severity: 'high' },
    { line: 49, subject: 'Audit', severity: 'medium' },
    { file: 'main.tf', line: 6, subject: 'aws_mq_broker.jobs', severity: 'high' },
  ],
  'opensearch-collection-publicly-accessible': [
    { line: 16, subject: 'DocsNetwork', severity: 'low' },
    { line: 27, subject: 'LogsNetwork' },
    { line: 35, subject: 'ArchiveNetwork' },
    { file: 'main.tf', line: 9, subject: 'aws_opensearchserverless_security_policy.events' },
  ],
  'cloudfront-viewer-plaintext': [
    { line: 15, subject: 'SiteCdn', severity: 'medium' },
    { line: 38, subject: 'ApiCdn' },
    { file: 'main.tf', line: 19, subject: 'aws_cloudfront_distribution.web' },
  ],
  'cloudfront-viewer-tls-below-12': [
    { line: 24, subject: 'SiteCdn', severity: 'medium' },
    { line: 43, subject: 'LegacyCdn' },
    { file: 'main.tf', line: 26, subject: 'aws_cloudfront_distribution.web' },
  ],
  'ec2-instance-metadata-v1': [
    { line: 23, subject: 'KafkaClient', severity: 'medium' },
    { line: 31, subject: 'Bastion', severity: 'low' },
    { line: 37, subject: 'Workers', severity: 'low' },
    { file: 'main.tf', line: 19, subject: 'aws_instance.client', severity: 'medium' },
  ],
  'database-storage-unencrypted': [
    { line: 3, subject: 'Orders' },
    { line: 17, subject: 'Reports' },
    { file: 'main.tf', line: 1, subject: 'aws_db_instance.audit' },
    { file: 'main.tf', line: 15, subject: 'aws_rds_cluster.events' },
    { line: 18, subject: 'Documents' },
    { file: 'main.tf', line: 46, subject: 'aws_docdb_cluster.catalog' },
  ],
  'database-publicly-accessible': [
    { line: 12, subject: 'Orders', severity: 'high' },
    { line: 26, subject: 'ReportsWriter' },
    { file: 'main.tf', line: 9, subject: 'aws_db_instance.audit' },
    { file: 'main.tf', line: 25, subject: 'aws_rds_cluster_instance.events_writer' },
  ],
  'kafka-cluster-unauthenticated-access': [
    { line: 15, subject: 'OrdersCluster', severity: 'high' },
    { line: 47, subject: 'AuditCluster', severity: 'medium' },
    { file: 'main.tf', line: 17, subject: 'aws_msk_cluster.events', severity: 'high' },
  ],
  'load-balancer-plaintext-listener': [
    { line: 26, subject: 'HttpListener', severity: 'medium' },
    { line: 48, subject: 'SiteHttpListener' },
    { file: 'main.tf', line: 28, subject: 'aws_lb_listener.http' },
    { file: 'main.tf', line: 52, subject: 'aws_alb_listener.site_http' },
    { file: 'sls/serverless.yml', line: 27, subject: 'HttpListener' },
  ],
  'security-group-open-ingress': [
    { line: 8, subject: 'BastionSecurityGroup', severity: 'high' },
    { line: 25, subject: 'DatabaseFromAnywhere', severity: 'medium' },
    { line: 44, subject: 'TasksSecurityGroup', severity: 'high' },
    { file: 'main.tf', line: 3, subject: 'aws_security_group.broker', severity: 'medium' },
    { file: 'main.tf', line: 11, subject: 'aws_vpc_security_group_ingress_rule.everything', severity: 'high' },
    { file: 'main.tf', line: 37, subject: 'aws_security_group.broker', severity: 'high' },
  ],
  'mq-broker-without-logs': [
    { line: 3, subject: 'Silent' },
    { line: 27, subject: 'NoAudit' },
    { line: 42, subject: 'Rabbit' },
    { file: 'main.tf', line: 1, subject: 'aws_mq_broker.jobs' },
  ],
  'lambda-permission-beyond-invoke': [
    { line: 11, subject: 'PartnerManages', severity: 'high' },
    { line: 17, subject: 'PartnerReads', severity: 'medium' },
    { line: 23, subject: 'TopicWithEverything', severity: 'low' },
    { line: 30, subject: 'AnyoneFromTopic', severity: 'high' },
    { line: 37, subject: 'PartnerTags', severity: 'low' },
    { file: 'outside.yaml', line: 3, subject: 'DeployerMayUpdate', severity: 'high' },
  ],
  'lambda-permission-cross-account': [
    { line: 11, subject: 'PartnerAccount' },
    { file: 'outside.yaml', line: 3, subject: 'PartnerMayExport' },
  ],
  'public-source-triggers-function': [
    { line: 11, subject: 'Inbox' },
    { line: 15, subject: 'Drop' },
    // S3 object events through EventBridge: the bucket is their source.
    { file: 'eventbridge.yaml', line: 4, subject: 'Uploads' },
    { file: 'eventbridge.yaml', line: 29, subject: 'Dropbox' },
  ],
  'recursive-trigger-loop': [
    { line: 15, subject: 'Resize' },
    { line: 35, subject: 'Retry' },
    { line: 49, subject: 'Audit', severity: 'medium' },
  ],
  'function-exposed-through-chain': [
    { line: 25, subject: 'Worker' },
    { file: 'api-integration.yaml', line: 38, subject: 'Fulfil' },
    { file: 'api-integration.yaml', line: 66, subject: 'Triage' },
  ],
  'iam-wildcard-action': [
    { line: 15, subject: 'SaveOrderRole', severity: 'high' },
    { line: 28, subject: 'ReporterRole' },
    { line: 39, subject: 'PublicSaveRole', severity: 'critical' },
    { file: 'no-function.yaml', line: 10, subject: 'ArchiveAccess', severity: 'high' },
    { file: 'no-function.yaml', line: 22, subject: 'AnalystsPolicy' },
  ],
  'iam-wildcard-resource-write': [
    { line: 12, subject: 'ProcessUploadRole' },
    { line: 28, subject: 'CleanupRole' },
    { line: 46, subject: 'NotifierRole' },
    { line: 58, subject: 'PurgerRole' },
    { line: 75, subject: 'StarterRole', severity: 'high' },
    { line: 87, subject: 'ApproverRole', severity: 'medium' },
    { file: 'no-function.yaml', line: 16, subject: 'ReplicationRole', severity: 'medium' },
    { file: 'no-function.yaml', line: 24, subject: 'CleanupPolicy' },
  ],
  'api-stage-without-execution-logging': [
    { file: 'service/serverless.yml', line: 7, subject: 'ApiGatewayRestApi', severity: 'low' },
    { line: 19, subject: 'Orders', severity: 'low' },
    { line: 30, subject: 'Quiet', severity: 'low' },
    { line: 39, subject: 'Chat', severity: 'low' },
    { line: 48, subject: 'Open', severity: 'low' },
  ],
  'iam-wildcard-resource-read': [
    { line: 12, subject: 'SearchRole', severity: 'high' },
    { line: 34, subject: 'ReportRole', severity: 'medium' },
    { line: 44, subject: 'Analysts', severity: 'medium' },
  ],
  'iam-wildcard-model-invocation': [
    { line: 12, subject: 'ChatRole', severity: 'medium' },
    { line: 34, subject: 'SummarizerRole', severity: 'low' },
    { line: 56, subject: 'WorkflowRole', severity: 'info' },
  ],
  'iam-broad-managed-policy': [
    { line: 10, subject: 'ImporterRole' },
    { line: 11, subject: 'ImporterRole' },
    { line: 22, subject: 'AdminRole', severity: 'critical' },
    { file: 'no-function.yaml', line: 13, subject: 'BreakGlassRole', severity: 'critical' },
    { file: 'no-function.yaml', line: 18, subject: 'Auditors', severity: 'high' },
  ],
  'iam-privilege-escalation': [
    { line: 14, subject: 'DeployerRole' },
    { line: 25, subject: 'PatcherRole' },
    { file: 'no-function.yaml', line: 12, subject: 'SupportPolicy' },
    { file: 'no-function.yaml', line: 28, subject: 'DeployRole' },
  ],
  'iam-role-shared-by-functions': [{ line: 5, subject: 'SharedRole' }],
  'iam-cross-service-admin': [
    { line: 11, subject: 'AdminRole' },
    { line: 22, subject: 'DataOpsRole' },
    { line: 38, subject: 'MailerRole' },
    { file: 'no-function.yaml', line: 16, subject: 'BuildRole' },
    { file: 'no-function.yaml', line: 24, subject: 'OpsPolicy' },
    { file: 'no-function.yaml', line: 34, subject: 'Operator' },
  ],
  // IAM roles and policies judged on their own (issue #17)
  'iam-trust-external-account': [
    { line: 8, subject: 'PartnerRole', severity: 'medium' },
    { line: 24, subject: 'AuditRole' },
  ],
  'iam-trust-federated-without-condition': [
    { line: 8, subject: 'DeployRole', severity: 'high' },
    { line: 22, subject: 'GuestRole' },
    { line: 31, subject: 'AnyRepoRole' },
  ],
  'iam-function-role-trusts-other-service': [{ line: 8, subject: 'WorkerRole', severity: 'medium' }],
  'iam-credentials-exposure': [
    { line: 11, subject: 'CheckoutRole', severity: 'critical' },
    { line: 28, subject: 'SettingsRole', severity: 'high' },
    { line: 37, subject: 'HopPolicy' },
    { line: 47, subject: 'Support' },
  ],
  'iam-trust-any-principal': [
    { line: 11, subject: 'OpenRole' },
    { line: 35, subject: 'PartnerRole' },
  ],
  'env-plaintext-secret': [
    { line: 6, subject: 'Payments' },
    { line: 15, subject: 'Payments' },
  ],
  'runtime-deprecated': [
    { line: 7, subject: 'Legacy', severity: 'high' },
    { line: 12, subject: 'OldPython', severity: 'high' },
  ],
  'env-secrets-without-kms-key': [{ line: 16, subject: 'Payments' }],
  // Storage and messaging resources on their own
  'event-source-unencrypted': [
    { line: 4, subject: 'Orders', severity: 'medium' },
    { line: 9, subject: 'Jobs', severity: 'medium' },
    { line: 10, subject: 'Clicks', severity: 'medium' },
    { file: 'standalone.yaml', line: 3, subject: 'Notices', severity: 'low' },
    { file: 'standalone.yaml', line: 8, subject: 'Audit', severity: 'low' },
    { file: 'standalone.yaml', line: 9, subject: 'Metrics', severity: 'low' },
  ],
  'bucket-trigger-without-public-access-block': [
    { line: 8, subject: 'Uploads', severity: 'medium' },
    { line: 12, subject: 'Imports', severity: 'low' },
    { file: 'standalone.yaml', line: 3, subject: 'Archive', severity: 'low' },
    { file: 'standalone.yaml', line: 9, subject: 'Exports', severity: 'low' },
  ],
  'bucket-public-read': [
    { line: 9, subject: 'Reports', severity: 'high' },
    { line: 13, subject: 'Partners', severity: 'high' },
    { line: 22, subject: 'Shared', severity: 'high' },
    { line: 42, subject: 'Site', severity: 'low' },
    { line: 55, subject: 'LegacyPolicy', severity: 'high' },
    { file: 'with-function.yaml', line: 12, subject: 'Orders', severity: 'critical' },
  ],
  'bucket-public-write': [
    { line: 6, subject: 'Dropbox', severity: 'high' },
    { line: 15, subject: 'Inbox', severity: 'high' },
    { line: 19, subject: 'Inbox', severity: 'critical' },
  ],
  'bucket-without-tls-policy': [
    { line: 3, subject: 'Reports' },
    { line: 5, subject: 'Exports' },
  ],
  'messaging-policy-public': [
    { line: 11, subject: 'Jobs', severity: 'high' },
    { line: 23, subject: 'Alerts', severity: 'high' },
    { line: 27, subject: 'Alerts', severity: 'low' },
    { line: 31, subject: 'DefaultBusPolicy', severity: 'high' },
    { line: 43, subject: 'Orders', severity: 'high' },
    { line: 58, subject: 'Clicks', severity: 'high' },
    { file: 'with-function.yaml', line: 12, subject: 'Tasks', severity: 'critical' },
  ],
  'resource-policy-cross-account': [
    { line: 11, subject: 'Jobs', severity: 'medium' },
    { line: 23, subject: 'Alerts', severity: 'medium' },
    { line: 27, subject: 'PartnerEvents', severity: 'low' },
    { line: 41, subject: 'Drops', severity: 'low' },
    { file: 'with-function.yaml', line: 12, subject: 'Tasks', severity: 'medium' },
  ],
  'resource-policy-wildcard-action': [
    { line: 11, subject: 'Jobs', severity: 'medium' },
    { line: 23, subject: 'Archive', severity: 'medium' },
    { line: 35, subject: 'Alerts', severity: 'low' },
    { file: 'with-function.yaml', line: 12, subject: 'Tasks', severity: 'high' },
  ],
  'open-cors-on-authenticated-endpoint': [
    { line: 4, subject: 'AccountApi', severity: 'low' },
    { line: 35, subject: 'Internal', severity: 'high' },
  ],
  'api-domain-without-tls12': [
    { line: 4, subject: 'LegacyDomain' },
    { line: 15, subject: 'ExplicitOld' },
    { line: 21, subject: 'ShopApi' },
  ],
  'function-cannot-write-logs': [
    { file: 'main.tf', line: 2, subject: 'aws_lambda_function.silent', severity: 'medium' },
    { line: 7, subject: 'Reports', severity: 'medium' },
    { line: 31, subject: 'Orders', severity: 'medium' },
  ],
  'function-without-log-retention': [
    { line: 4, subject: 'NoGroup' },
    { line: 14, subject: 'Forever' },
    { line: 18, subject: 'Named' },
  ],
  'function-without-tracing': [
    { line: 4, subject: 'Untraced' },
    { line: 16, subject: 'PassThrough' },
    { line: 19, subject: 'Api' },
    { line: 30, subject: 'Consumer' },
    { line: 39, subject: 'Both' },
    { line: 51, subject: 'Gate' },
    { line: 65, subject: 'Nightly' },
  ],
  'load-balancer-without-access-logs': [
    { file: 'main.tf', line: 7, subject: 'aws_lb.api', severity: 'medium' },
    { line: 3, subject: 'Web', severity: 'medium' },
    { line: 13, subject: 'Inside', severity: 'low' },
  ],
  'api-stage-without-access-logs': [
    { line: 7, subject: 'ShopApi' },
    { line: 35, subject: 'Rest' },
    { line: 44, subject: 'UnusedApi', severity: 'medium' },
    { line: 51, subject: 'Internal', severity: 'low' },
    { file: 'imported-api.yaml', line: 4, subject: '!ImportValue shared-api' },
  ],
  'public-function-without-alarm': [
    { line: 4, subject: 'Webhook' },
    { line: 11, subject: 'Search' },
  ],
  'async-trigger-without-failure-destination': [
    { line: 6, subject: 'Indexer' },
    { line: 23, subject: 'Reporter' },
  ],
  'public-function-without-reserved-concurrency': [
    { line: 4, subject: 'Webhook' },
    { line: 11, subject: 'Search' },
    { line: 36, subject: 'ListOrders' },
    { line: 49, subject: 'SlowOrder' },
  ],
  'api-without-throttling': [
    { line: 7, subject: 'PublicApi', severity: 'medium' },
    { line: 23, subject: 'PartnerApi', severity: 'low' },
  ],
  'sam-api-extra-stage': [
    { file: 'explicit.yaml', line: 5, subject: 'Orders', severity: 'medium' },
    { file: 'explicit.yaml', line: 19, subject: 'Reports', severity: 'low' },
    { line: 19, subject: 'ServerlessRestApi', severity: 'medium' },
  ],
  'public-rest-api-without-waf': [
    { line: 10, subject: 'ServerlessRestApi' },
    { line: 23, subject: 'QueueApi' },
  ],
  'public-function-at-maximum-limits': [
    { line: 9, subject: 'Render' },
    { line: 18, subject: 'Convert' },
  ],
  'async-retries-unbounded': [
    { line: 6, subject: 'Notifier' },
    { line: 24, subject: 'Auditor' },
    // The log subscription of a public function's log group
    { line: 52, subject: 'LogReader' },
  ],
  'stream-retries-unbounded': [
    { line: 22, subject: 'Projector' },
    { line: 35, subject: 'Counter' },
    // An EventBridge pipe from the same stream, at its target
    { line: 55, subject: 'Counter' },
  ],
  'sqs-source-without-redrive': [
    { line: 4, subject: 'Orders' },
    { line: 16, subject: 'Billing' },
  ],  // API Gateway stages and log groups
  'api-stage-data-trace-enabled': [
    { line: 26, subject: 'Catalog', severity: 'medium' },
    { line: 36, subject: 'Catalog', severity: 'medium' },
    { line: 51, subject: 'Internal', severity: 'low' },
  ],
  'api-stage-without-tracing': [
    { line: 9, subject: 'Catalog', severity: 'low' },
    { line: 18, subject: 'Orders', severity: 'low' },
    { line: 26, subject: 'Internal', severity: 'info' },
  ],
  'api-cache-unencrypted': [
    { line: 16, subject: 'Catalog', severity: 'medium' },
    { line: 25, subject: 'Catalog', severity: 'medium' },
    { line: 41, subject: 'Internal', severity: 'low' },
  ],
  'log-group-without-retention': [
    { line: 4, subject: 'ApiLogs' },
    { line: 21, subject: 'AuditLogs' },
  ],
  'log-group-without-kms-key': [{ line: 12, subject: 'WebhookLogs' }],
  'api-request-without-validation': [
    { line: 8, subject: 'IntakePost' },
    { line: 29, subject: 'IntakeSearch' },
    { line: 46, subject: 'Orders.Create' },
    { line: 59, subject: 'Feedback PUT /feedback' },
    { file: 'http/template.yaml', line: 11, subject: 'CreateOrder.Create' },
    { file: 'http/template.yaml', line: 24, subject: 'Subscribe.Add' },
  ],
  'api-http-backend-without-client-certificate': [{ line: 19, subject: 'Proxy' }],
  'command-injection': [
    { file: 'src/app.js', line: 5, subject: 'Thumbnail' },
    { file: 'src/caption.py', line: 11, subject: 'Caption' },
  ],
  'code-injection': [{ file: 'src/app.js', line: 3, subject: 'Calculator' }],
  'xml-external-entities': [
    { file: 'src/app.js', line: 4, subject: 'Import', severity: 'critical' },
    { file: 'src/lookup.py', line: 8, subject: 'Lookup', severity: 'critical' },
  ],
  'ldap-injection': [
    { file: 'src/app.js', line: 7, subject: 'Import', severity: 'critical' },
    { file: 'src/lookup.py', line: 9, subject: 'Lookup', severity: 'critical' },
  ],
  'xpath-injection': [
    { file: 'src/app.js', line: 8, subject: 'Import', severity: 'high' },
    { file: 'src/lookup.py', line: 9, subject: 'Lookup', severity: 'high' },
  ],
  'email-content-injection': [
    { file: 'src/contact.js', line: 13, subject: 'ContactForm', severity: 'medium' },
    { file: 'src/approval.py', line: 17, subject: 'Approval', severity: 'medium' },
    { file: 'src/alerts.js', line: 7, subject: 'Alerts', severity: 'low' },
  ],
  'message-recipient-from-event': [
    { file: 'src/contact.py', line: 13, subject: 'Contact', severity: 'medium' },
    { file: 'src/otp.js', line: 9, subject: 'Otp', severity: 'medium' },
  ],
  'log-injection': [
    { file: 'src/app.js', line: 4, subject: 'Import', severity: 'low' },
    { file: 'src/lookup.py', line: 9, subject: 'Lookup', severity: 'low' },
  ],
  'regex-injection': [
    { file: 'src/filter.py', line: 9, subject: 'Filter', severity: 'medium' },
    { file: 'src/search.js', line: 5, subject: 'Search', severity: 'medium' },
  ],
  'unsafe-deserialization': [{ file: 'src/app.js', line: 4, subject: 'Session' }],
  'sql-injection': [{ file: 'src/app.js', line: 7, subject: 'Orders' }],
  'nosql-injection': [
    { file: 'src/app.js', line: 7, subject: 'Search' },
    { file: 'src/login.js', line: 6, subject: 'Login' },
    { file: 'src/profile.py', line: 11, subject: 'Profile' },
  ],
  'path-traversal': [{ file: 'src/app.js', line: 5, subject: 'Reports' }],
  ssrf: [
    { file: 'src/app.js', line: 3, subject: 'Preview' },
    { file: 'src/proxy.js', line: 3, subject: 'Proxy' },
    { file: 'src/proxy.js', line: 4, subject: 'Proxy' },
    { file: 'src/device.py', line: 7, subject: 'Device' },
  ],
  xss: [{ file: 'src/app.js', line: 6, subject: 'Greeting' }],
  'open-redirect': [{ file: 'src/app.js', line: 3, subject: 'Login' }],
  'verbose-error-response': [
    { file: 'src/errorcode.js', line: 7, subject: 'ErrorCodeFallback', severity: 'medium' },
    { file: 'src/errorcode.js', line: 17, subject: 'ErrorCodeUrl', severity: 'medium' },
    { file: 'src/app.js', line: 6, subject: 'Checkout', severity: 'medium' },
    { file: 'src/send.js', line: 6, subject: 'Send', severity: 'medium' },
    { file: 'src/report.py', line: 8, subject: 'Report', severity: 'low' },
  ],
  'jwt-decoded-without-verification': [{ file: 'src/app.js', line: 5, subject: 'Admin' }],
  'event-logged': [
    { file: 'src/app.js', line: 2, subject: 'Webhook' },
    { file: 'src/decorated.ts', line: 6, subject: 'DecoratedOrders' },
    { file: 'src/env_logged.py', line: 7, subject: 'EnvLogged' },
    { file: 'src/middy.js', line: 10, subject: 'MiddyOrders' },
    { file: 'src/migrate.py', line: 3, subject: 'Migrate' },
    { file: 'src/orders.py', line: 7, subject: 'Orders' },
  ],
  'tls-verification-disabled': [{ file: 'src/app.js', line: 3, subject: 'Partner' }],
  'authorization-from-client-input': [
    { file: 'src/app.js', line: 3, subject: 'Users' },
    { file: 'src/profiles.py', line: 6, subject: 'Profiles' },
    { file: 'src/accounts.js', line: 3, subject: 'Accounts' },
    { file: 'src/accounts.js', line: 4, subject: 'Accounts' },
  ],
  'hard-coded-credential-check': [
    { file: 'src/token-authorizer.js', line: 5, subject: 'TokenAuthorizer' },
    { file: 'src/helper-authorizer.js', line: 5, subject: 'HelperAuthorizer' },
    { file: 'src/reports.js', line: 3, subject: 'Reports' },
    { file: 'src/key_authorizer.py', line: 4, subject: 'KeyAuthorizer' },
    { file: 'src/admin.js', line: 6, subject: 'Admin' },
    { file: 'src/legacy.py', line: 4, subject: 'Legacy' },
  ],
  'secret-logged': [
    { file: 'src/rotator.js', line: 8, subject: 'Rotator' },
    { file: 'src/legacy.js', line: 13, subject: 'Legacy' },
    { file: 'src/tools.js', line: 6, subject: 'Tools' },
    { file: 'src/origin.py', line: 16, subject: 'Origin' },
    { file: 'src/origin.py', line: 21, subject: 'Origin' },
    { file: 'src/keys.py', line: 9, subject: 'Keys' },
    { file: 'src/edge.py', line: 14, subject: 'Edge' },
    { file: 'src/gate.js', line: 13, subject: 'Gate' },
    { file: 'src/sender.js', line: 12, subject: 'SmsSender' },
    { file: 'src/unwrap.js', line: 9, subject: 'Unwrap' },
    { file: 'src/envelope.py', line: 9, subject: 'Envelope' },
  ],
  'iam-action-granted-never-used': [
    { line: 17, subject: 'CreateOrder' },
    { line: 40, subject: 'WriteBuildspec' },
    { line: 54, subject: 'SaveOrder' },
    { line: 75, subject: 'Thumbnails' },
    { line: 90, subject: 'WithInsights' },
  ],
  'iam-action-used-not-granted': [
    { file: 'src/app.py', line: 10, subject: 'CreateOrder' },
    { file: 'src/app.py', line: 11, subject: 'CreateOrder' },
    { file: 'src/broker.py', line: 8, subject: 'Broker' },
    { file: 'src/publish.py', line: 8, subject: 'Publish' },
  ],
  'suppression-without-reason': [
    { line: 3 },
    { line: 12 },
    { line: 20, subject: 'Orders' },
    { line: 21, subject: 'Orders' },
  ],
  'suppression-unknown-rule': [
    { line: 3 },
    { line: 7 },
    { line: 15, subject: 'Orders' },
  ],
  'stale-suppression': [
    { line: 8, subject: 'Orders' },
    { line: 19 },
  ],
  // Secrets stores, identity pools
  'cognito-identity-pool-guest-access': [
    { line: 6, subject: 'Guests', severity: 'high' },
    { line: 31, subject: 'Maps', severity: 'low' },
    { line: 58, subject: 'SharedPoolRoles', severity: 'medium' },
    { line: 62, subject: 'Kiosk', severity: 'high' },
  ],
  'env-secret-by-reference': [
    { file: 'service/serverless.yml', line: 6, subject: 'MailerLambdaFunction', severity: 'medium' },
    { file: 'service/serverless.yml', line: 12, subject: 'MailerLambdaFunction', severity: 'medium' },
    { line: 25, subject: 'Payments', severity: 'medium' },
    { line: 26, subject: 'Payments', severity: 'medium' },
    // A NoEcho parameter's empty Default is a placeholder: the secret comes at deployment.
    { line: 27, subject: 'Payments', severity: 'medium' },
    { line: 28, subject: 'Payments', severity: 'high' },
    { line: 29, subject: 'Payments', severity: 'medium' },
  ],
  'ssm-parameter-plaintext-secret': [
    { line: 8, subject: 'DbPassword', severity: 'high' },
    { line: 13, subject: 'GithubToken', severity: 'high' },
  ],
  'secret-without-rotation': [
    { line: 3, subject: 'DbSecret' },
    { line: 17, subject: 'DocsSecret' },
  ],
  'iam-access-key-in-template': [
    { line: 5, subject: 'CiKey', severity: 'medium' },
    { line: 11, subject: 'ReportKey', severity: 'high' },
  ],
  // Code: SAM templates and object ACLs
  'code-public-object-acl': [
    { file: 'src/export.py', line: 8, subject: 'Export', severity: 'medium' },
    { file: 'src/invoice.js', line: 7, subject: 'CreateInvoice', severity: 'high' },
  ],
};

/**
 * Rules a fixture runs beside the rule under test: a suppression is stale only when the rule it
 * names ran and found nothing there. Their own findings are suppressed in these fixtures.
 */
const COMPANION_RULES: Record<string, Rule[]> = {
  'stale-suppression': [iamWildcardAction],
};

/** Scan options a rule's fixtures need (offline vulnerability data, so the tests never use a cache or the network). */
const SCAN_OPTIONS: Record<string, ScanOptions> = {
  'vulnerable-dependency': { osvDb: path.join(FIXTURES, 'rules/vulnerable-dependency/osv') },
};

for (const rule of ALL_RULES) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it('has fixtures', () => assert.ok(CASES[id], `no test case for ${id}`));

    it('reports the vulnerable fixture', async () => {
      const result = await scan(path.join(FIXTURES, 'rules', id, 'fail'), { ...SCAN_OPTIONS[id], rules: [rule, ...(COMPANION_RULES[id] ?? [])] });
      const got = result.findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, line: f.location.line, subject: f.subject?.logicalId, severity: f.severity }));
      const want = (CASES[id] ?? []).map((e) => ({ ruleId: id, file: e.file ?? 'template.yaml', line: e.line, subject: e.subject, severity: e.severity }));
      // A severity is compared only where the case states one.
      const sortedWant = want.sort(byLine);
      assert.deepEqual(
        got.sort(byLine).map((g, i) => ({ ...g, severity: sortedWant[i]?.severity === undefined ? undefined : g.severity })),
        sortedWant,
      );
    });

    it('is silent on the fixed fixture', async () => {
      const result = await scan(path.join(FIXTURES, 'rules', id, 'pass'), { ...SCAN_OPTIONS[id], rules: [rule, ...(COMPANION_RULES[id] ?? [])] });
      assert.equal(result.templates.length, 1);
      assert.deepEqual(result.findings, []);
    });
  });
}

function byLine(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}
