/**
 * Every rule faasguard runs. Adding a rule: write it in its risk's folder, list it here, and run
 * `npm run docs` to generate its page.
 */
import { apiRouteWithoutAuth } from './auth/api-route-without-auth.js';
import { functionUrlWithoutAuth } from './auth/function-url-without-auth.js';
import { lambdaPermissionPublic } from './auth/lambda-permission-public.js';
import { lambdaPermissionServiceWithoutSource } from './auth/lambda-permission-service-without-source.js';
import { apiRouteApiKeyOnly } from './auth/api-route-api-key-only.js';
import { authorizerUnused } from './auth/authorizer-unused.js';
import { cognitoMutableAuthorizationAttribute } from './auth/cognito-mutable-authorization-attribute.js';
import { cognitoUserPoolWithoutMfa } from './auth/cognito-user-pool-without-mfa.js';
import { cognitoWeakPasswordPolicy } from './auth/cognito-weak-password-policy.js';
import { functionExposedThroughChain } from './auth/function-exposed-through-chain.js';
import { lambdaPermissionCrossAccount } from './auth/lambda-permission-cross-account.js';
import { lambdaPermissionBeyondInvoke } from './privilege/lambda-permission-beyond-invoke.js';
import { kmsKeyPolicyPublic } from './auth/kms-key-policy-public.js';
import { appsyncApiKeyOnly } from './auth/appsync-api-key-only.js';
import { kafkaClusterUnauthenticatedAccess } from './auth/kafka-cluster-unauthenticated-access.js';
import { credentialInTemplate } from './secrets/credential-in-template.js';
import { publicSourceTriggersFunction } from './auth/public-source-triggers-function.js';
import { recursiveTriggerLoop } from './dos/recursive-trigger-loop.js';
import { iamBroadManagedPolicy } from './privilege/iam-broad-managed-policy.js';
import { iamCrossServiceAdmin } from './privilege/iam-cross-service-admin.js';
import { iamPrivilegeEscalation } from './privilege/iam-privilege-escalation.js';
import { iamRoleSharedByFunctions } from './privilege/iam-role-shared-by-functions.js';
import { iamActionGrantedNeverUsed } from './privilege/iam-action-granted-never-used.js';
import { iamActionUsedNotGranted } from './privilege/iam-action-used-not-granted.js';
import { iamTrustAnyPrincipal } from './privilege/iam-trust-any-principal.js';
// IAM roles and policies judged on their own (issue #17)
import { iamTrustExternalAccount } from './privilege/iam-trust-external-account.js';
import { iamTrustFederatedWithoutCondition } from './privilege/iam-trust-federated-without-condition.js';
import { iamFunctionRoleTrustsOtherService } from './privilege/iam-function-role-trusts-other-service.js';
import { iamCredentialsExposure } from './privilege/iam-credentials-exposure.js';
import { iamWildcardAction } from './privilege/iam-wildcard-action.js';
import { iamWildcardResourceWrite } from './privilege/iam-wildcard-resource-write.js';
import { iamWildcardResourceRead } from './privilege/iam-wildcard-resource-read.js';
import { iamWildcardModelInvocation } from './privilege/iam-wildcard-model-invocation.js';
import { apiDomainWithoutTls12 } from './config/api-domain-without-tls12.js';
import { bucketTriggerWithoutPublicAccessBlock } from './config/bucket-trigger-without-public-access-block.js';
import { cacheWithoutEncryption } from './config/cache-without-encryption.js';
import { envSecretsWithoutKmsKey } from './config/env-secrets-without-kms-key.js';
import { eventSourceUnencrypted } from './config/event-source-unencrypted.js';
import { kmsKeyWithoutRotation } from './config/kms-key-without-rotation.js';
import { dynamodbTableWithoutPointInTimeRecovery } from './config/dynamodb-table-without-point-in-time-recovery.js';
import { mqBrokerPubliclyAccessible } from './config/mq-broker-publicly-accessible.js';
import { securityGroupOpenIngress } from './config/security-group-open-ingress.js';
import { databaseStorageUnencrypted } from './config/database-storage-unencrypted.js';
import { databasePubliclyAccessible } from './config/database-publicly-accessible.js';
import { opensearchCollectionPubliclyAccessible } from './config/opensearch-collection-publicly-accessible.js';
import { cloudfrontViewerPlaintext } from './config/cloudfront-viewer-plaintext.js';
import { cloudfrontViewerTlsBelow12 } from './config/cloudfront-viewer-tls-below-12.js';
import { ec2InstanceMetadataV1 } from './config/ec2-instance-metadata-v1.js';
import { loadBalancerPlaintextListener } from './config/load-balancer-plaintext-listener.js';
import { openCorsOnAuthenticatedEndpoint } from './config/open-cors-on-authenticated-endpoint.js';
import { runtimeDeprecated } from './config/runtime-deprecated.js';
import { samApiExtraStage } from './config/sam-api-extra-stage.js';
import { apiStageWithoutAccessLogs } from './monitoring/api-stage-without-access-logs.js';
import { loadBalancerWithoutAccessLogs } from './monitoring/load-balancer-without-access-logs.js';
import { asyncTriggerWithoutFailureDestination } from './monitoring/async-trigger-without-failure-destination.js';
import { functionWithoutLogRetention } from './monitoring/function-without-log-retention.js';
import { functionCannotWriteLogs } from './monitoring/function-cannot-write-logs.js';
import { functionWithoutTracing } from './monitoring/function-without-tracing.js';
import { mqBrokerWithoutLogs } from './monitoring/mq-broker-without-logs.js';
import { graphqlApiWithoutLogs } from './monitoring/graphql-api-without-logs.js';
import { expressWorkflowWithoutLogs } from './monitoring/express-workflow-without-logs.js';
import { publicFunctionWithoutAlarm } from './monitoring/public-function-without-alarm.js';
import { apiWithoutThrottling } from './dos/api-without-throttling.js';
import { asyncRetriesUnbounded } from './dos/async-retries-unbounded.js';
import { publicFunctionAtMaximumLimits } from './dos/public-function-at-maximum-limits.js';
import { publicFunctionWithoutReservedConcurrency } from './dos/public-function-without-reserved-concurrency.js';
import { publicRestApiWithoutWaf } from './dos/public-rest-api-without-waf.js';
import { publicLoadBalancerWithoutWaf } from './dos/public-load-balancer-without-waf.js';
import { sqsSourceWithoutRedrive } from './dos/sqs-source-without-redrive.js';
import { streamRetriesUnbounded } from './dos/stream-retries-unbounded.js';
import { commandInjection } from './injection/command-injection.js';
import { codeInjection } from './injection/code-injection.js';
import { unsafeDeserialization } from './injection/unsafe-deserialization.js';
import { sqlInjection } from './injection/sql-injection.js';
import { nosqlInjection } from './injection/nosql-injection.js';
import { pathTraversal } from './injection/path-traversal.js';
import { ssrf } from './injection/ssrf.js';
import { regexInjection } from './injection/regex-injection.js';
import { xss } from './injection/xss.js';
import { emailContentInjection } from './injection/email-content-injection.js';
import { messageRecipientFromEvent } from './injection/message-recipient-from-event.js';
import { openRedirect } from './injection/open-redirect.js';
import { xmlExternalEntities } from './injection/xml-external-entities.js';
import { ldapInjection } from './injection/ldap-injection.js';
import { xpathInjection } from './injection/xpath-injection.js';
import { logInjection } from './injection/log-injection.js';
import { verboseErrorResponse } from './code/verbose-error-response.js';
import { jwtDecodedWithoutVerification } from './code/jwt-decoded-without-verification.js';
import { eventLogged } from './code/event-logged.js';
import { tlsVerificationDisabled } from './code/tls-verification-disabled.js';
import { authorizationFromClientInput } from './code/authorization-from-client-input.js';
import { hardCodedCredentialCheck } from './code/hard-coded-credential-check.js';
import { secretLogged } from './code/secret-logged.js';
import { dependencyForeignRegistry } from './dependencies/dependency-foreign-registry.js';
import { dependencyFromGit } from './dependencies/dependency-from-git.js';
import { dependencyFromTarballOrPath } from './dependencies/dependency-from-tarball-or-path.js';
import { dependencyInstallScript } from './dependencies/dependency-install-script.js';
import { dependencyMissingIntegrity } from './dependencies/dependency-missing-integrity.js';
import { dependencyUndeclared } from './dependencies/dependency-undeclared.js';
import { dependencyUnused } from './dependencies/dependency-unused.js';
import { pythonRequirementUnpinned } from './dependencies/python-requirement-unpinned.js';
import { terraformModuleUnpinned } from './dependencies/terraform-module-unpinned.js';
import { vulnerableDependency } from './dependencies/vulnerable-dependency.js';
import { secretInCode } from './secrets/secret-in-code.js';
import { secretInInlineCode } from './secrets/secret-in-inline-code.js';
import { secretInTags } from './secrets/secret-in-tags.js';
import { templateParameterSecretDefault } from './secrets/template-parameter-secret-default.js';
import { staleSuppression } from './suppressions/stale-suppression.js';
import { suppressionUnknownRule } from './suppressions/suppression-unknown-rule.js';
import { suppressionWithoutReason } from './suppressions/suppression-without-reason.js';
// API Gateway stages and log groups, judged with or without a function behind them
import { apiStageDataTraceEnabled } from './monitoring/api-stage-data-trace-enabled.js';
import { apiStageWithoutTracing } from './monitoring/api-stage-without-tracing.js';
import { apiStageWithoutExecutionLogging } from './monitoring/api-stage-without-execution-logging.js';
import { apiCacheUnencrypted } from './config/api-cache-unencrypted.js';
import { logGroupWithoutRetention } from './monitoring/log-group-without-retention.js';
import { logGroupWithoutKmsKey } from './monitoring/log-group-without-kms-key.js';
import { apiRequestWithoutValidation } from './injection/api-request-without-validation.js';
import { apiHttpBackendWithoutClientCertificate } from './config/api-http-backend-without-client-certificate.js';
// Storage and messaging resources on their own
import { bucketPublicRead } from './config/bucket-public-read.js';
import { bucketPublicWrite } from './config/bucket-public-write.js';
import { bucketWithoutTlsPolicy } from './config/bucket-without-tls-policy.js';
import { messagingPolicyPublic } from './auth/messaging-policy-public.js';
import { resourcePolicyCrossAccount } from './auth/resource-policy-cross-account.js';
import { resourcePolicyWildcardAction } from './privilege/resource-policy-wildcard-action.js';
// Code: SAM templates and object ACLs
import { codePublicObjectAcl } from './code/code-public-object-acl.js';
import type { Rule } from './rule.js';
import { envPlaintextSecret } from './secrets/env-plaintext-secret.js';
import { containerEnvPlaintextSecret } from './secrets/container-env-plaintext-secret.js';
// Secrets stores, identity pools
import { cognitoIdentityPoolGuestAccess } from './auth/cognito-identity-pool-guest-access.js';
import { envSecretByReference } from './secrets/env-secret-by-reference.js';
import { ssmParameterPlaintextSecret } from './secrets/ssm-parameter-plaintext-secret.js';
import { secretWithoutRotation } from './secrets/secret-without-rotation.js';
import { iamAccessKeyInTemplate } from './secrets/iam-access-key-in-template.js';

export const ALL_RULES: readonly Rule[] = [
  vulnerableDependency,
  dependencyFromGit,
  dependencyFromTarballOrPath,
  dependencyForeignRegistry,
  dependencyMissingIntegrity,
  dependencyInstallScript,
  pythonRequirementUnpinned,
  terraformModuleUnpinned,
  dependencyUnused,
  dependencyUndeclared,
  templateParameterSecretDefault,
  secretInTags,
  secretInInlineCode,
  secretInCode,
  credentialInTemplate,
  apiRouteWithoutAuth,
  functionUrlWithoutAuth,
  lambdaPermissionPublic,
  lambdaPermissionServiceWithoutSource,
  envPlaintextSecret,
  containerEnvPlaintextSecret,
  apiRouteApiKeyOnly,
  authorizerUnused,
  cognitoMutableAuthorizationAttribute,
  cognitoUserPoolWithoutMfa,
  cognitoWeakPasswordPolicy,
  functionExposedThroughChain,
  lambdaPermissionCrossAccount,
  lambdaPermissionBeyondInvoke,
  publicSourceTriggersFunction,
  // Storage and messaging resources on their own
  bucketPublicRead,
  bucketPublicWrite,
  bucketWithoutTlsPolicy,
  messagingPolicyPublic,
  kmsKeyPolicyPublic,
  appsyncApiKeyOnly,
  kafkaClusterUnauthenticatedAccess,
  resourcePolicyCrossAccount,
  resourcePolicyWildcardAction,
  recursiveTriggerLoop,
  iamWildcardAction,
  iamWildcardResourceWrite,
  iamWildcardResourceRead,
  iamWildcardModelInvocation,
  iamBroadManagedPolicy,
  iamPrivilegeEscalation,
  iamRoleSharedByFunctions,
  iamCrossServiceAdmin,
  iamTrustAnyPrincipal,
  // IAM roles and policies judged on their own (issue #17)
  iamTrustExternalAccount,
  iamTrustFederatedWithoutCondition,
  iamFunctionRoleTrustsOtherService,
  iamCredentialsExposure,
  iamActionGrantedNeverUsed,
  iamActionUsedNotGranted,
  apiDomainWithoutTls12,
  bucketTriggerWithoutPublicAccessBlock,
  cacheWithoutEncryption,
  envSecretsWithoutKmsKey,
  eventSourceUnencrypted,
  kmsKeyWithoutRotation,
  dynamodbTableWithoutPointInTimeRecovery,
  mqBrokerPubliclyAccessible,
  openCorsOnAuthenticatedEndpoint,
  runtimeDeprecated,
  samApiExtraStage,
  securityGroupOpenIngress,
  databaseStorageUnencrypted,
  databasePubliclyAccessible,
  opensearchCollectionPubliclyAccessible,
  cloudfrontViewerPlaintext,
  cloudfrontViewerTlsBelow12,
  ec2InstanceMetadataV1,
  loadBalancerPlaintextListener,
  apiStageWithoutAccessLogs,
  loadBalancerWithoutAccessLogs,
  asyncTriggerWithoutFailureDestination,
  functionWithoutLogRetention,
  functionCannotWriteLogs,
  functionWithoutTracing,
  mqBrokerWithoutLogs,
  graphqlApiWithoutLogs,
  expressWorkflowWithoutLogs,
  publicFunctionWithoutAlarm,
  apiWithoutThrottling,
  asyncRetriesUnbounded,
  publicFunctionAtMaximumLimits,
  publicFunctionWithoutReservedConcurrency,
  publicRestApiWithoutWaf,
  publicLoadBalancerWithoutWaf,
  sqsSourceWithoutRedrive,
  streamRetriesUnbounded,
  commandInjection,
  codeInjection,
  unsafeDeserialization,
  sqlInjection,
  nosqlInjection,
  pathTraversal,
  ssrf,
  regexInjection,
  xss,
  openRedirect,
  xmlExternalEntities,
  ldapInjection,
  xpathInjection,
  logInjection,
  emailContentInjection,
  messageRecipientFromEvent,
  verboseErrorResponse,
  jwtDecodedWithoutVerification,
  eventLogged,
  tlsVerificationDisabled,
  authorizationFromClientInput,
  hardCodedCredentialCheck,
  secretLogged,
  // Secrets stores, identity pools
  cognitoIdentityPoolGuestAccess,
  envSecretByReference,
  ssmParameterPlaintextSecret,
  secretWithoutRotation,
  iamAccessKeyInTemplate,
  // API Gateway stages and log groups
  apiStageDataTraceEnabled,
  apiStageWithoutTracing,
  apiStageWithoutExecutionLogging,
  apiCacheUnencrypted,
  logGroupWithoutRetention,
  logGroupWithoutKmsKey,
  apiRequestWithoutValidation,
  apiHttpBackendWithoutClientCertificate,
  codePublicObjectAcl,
  suppressionWithoutReason,
  suppressionUnknownRule,
  staleSuppression,
];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
