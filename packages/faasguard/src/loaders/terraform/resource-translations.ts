/**
 * Terraform resources as the CloudFormation resources they create, as data: for each resource
 * type, its CloudFormation type and where each property comes from (an attribute, or an attribute
 * of a nested block). The CloudFormation loader then builds the model as it does for a template,
 * so every rule applies unchanged. Resources that only change another one (a policy attachment, a
 * bucket's public access block or notifications) are `patches` of their target.
 */

/**
 * Where a property's value comes from: an attribute (`role`), an attribute of a nested block
 * (`environment.variables`, `events.0` for a list's first item), a one-item list of an attribute
 * (`{ wrap: 'role' }`), one map per nested block (`{ each: 'inline_policy', of: {…} }`), or a map
 * of such sources.
 */
export type Source = string | { wrap: string } | { each: string; of: { [cfnProperty: string]: Source } } | { [cfnProperty: string]: Source };

export interface Translation {
  cfnType: string;
  properties: { [cfnProperty: string]: Source };
}

export const TRANSLATIONS: Readonly<Record<string, Translation>> = {
  aws_lambda_function: {
    cfnType: 'AWS::Lambda::Function',
    properties: {
      FunctionName: 'function_name', Handler: 'handler', Runtime: 'runtime', Role: 'role', Timeout: 'timeout', MemorySize: 'memory_size',
      ReservedConcurrentExecutions: 'reserved_concurrent_executions', KmsKeyArn: 'kms_key_arn', Layers: 'layers',
      Environment: { Variables: 'environment.variables' }, TracingConfig: { Mode: 'tracing_config.mode' },
      DeadLetterConfig: { TargetArn: 'dead_letter_config.target_arn' }, VpcConfig: { SubnetIds: 'vpc_config.subnet_ids', SecurityGroupIds: 'vpc_config.security_group_ids' },
      // A local folder or file (an `archive_file`'s source), as `aws cloudformation package` reads it.
      Code: 'filename',
    },
  },
  aws_lambda_function_url: {
    cfnType: 'AWS::Lambda::Url',
    properties: {
      TargetFunctionArn: 'function_name', Qualifier: 'qualifier', AuthType: 'authorization_type',
      Cors: { AllowOrigins: 'cors.allow_origins', AllowMethods: 'cors.allow_methods', AllowHeaders: 'cors.allow_headers', AllowCredentials: 'cors.allow_credentials' },
    },
  },
  aws_lambda_permission: {
    cfnType: 'AWS::Lambda::Permission',
    properties: {
      Action: 'action', FunctionName: 'function_name', Principal: 'principal', SourceArn: 'source_arn', SourceAccount: 'source_account',
      FunctionUrlAuthType: 'function_url_auth_type', PrincipalOrgID: 'principal_org_id',
    },
  },
  aws_lambda_event_source_mapping: {
    cfnType: 'AWS::Lambda::EventSourceMapping',
    properties: {
      EventSourceArn: 'event_source_arn', FunctionName: 'function_name', BatchSize: 'batch_size', StartingPosition: 'starting_position',
      MaximumRetryAttempts: 'maximum_retry_attempts', BisectBatchOnFunctionError: 'bisect_batch_on_function_error',
      DestinationConfig: { OnFailure: { Destination: 'destination_config.on_failure.destination_arn' } },
    },
  },
  aws_iam_role: {
    cfnType: 'AWS::IAM::Role',
    properties: {
      RoleName: 'name', AssumeRolePolicyDocument: 'assume_role_policy', ManagedPolicyArns: 'managed_policy_arns', PermissionsBoundary: 'permissions_boundary',
      Policies: { each: 'inline_policy', of: { PolicyName: 'name', PolicyDocument: 'policy' } },
    },
  },
  aws_iam_role_policy: { cfnType: 'AWS::IAM::Policy', properties: { PolicyName: 'name', PolicyDocument: 'policy', Roles: { wrap: 'role' } } },
  aws_iam_policy: { cfnType: 'AWS::IAM::ManagedPolicy', properties: { ManagedPolicyName: 'name', PolicyDocument: 'policy' } },
  aws_s3_bucket: { cfnType: 'AWS::S3::Bucket', properties: { BucketName: 'bucket' } },
  aws_s3_bucket_policy: { cfnType: 'AWS::S3::BucketPolicy', properties: { Bucket: 'bucket', PolicyDocument: 'policy' } },
  aws_sqs_queue: {
    cfnType: 'AWS::SQS::Queue',
    properties: { QueueName: 'name', KmsMasterKeyId: 'kms_master_key_id', SqsManagedSseEnabled: 'sqs_managed_sse_enabled', RedrivePolicy: 'redrive_policy', VisibilityTimeout: 'visibility_timeout_seconds' },
  },
  aws_sqs_queue_policy: { cfnType: 'AWS::SQS::QueuePolicy', properties: { Queues: { wrap: 'queue_url' }, PolicyDocument: 'policy' } },
  aws_sns_topic: { cfnType: 'AWS::SNS::Topic', properties: { TopicName: 'name', KmsMasterKeyId: 'kms_master_key_id' } },
  aws_sns_topic_policy: { cfnType: 'AWS::SNS::TopicPolicy', properties: { Topics: { wrap: 'arn' }, PolicyDocument: 'policy' } },
  aws_sns_topic_subscription: { cfnType: 'AWS::SNS::Subscription', properties: { TopicArn: 'topic_arn', Protocol: 'protocol', Endpoint: 'endpoint' } },
  aws_cloudwatch_log_group: { cfnType: 'AWS::Logs::LogGroup', properties: { LogGroupName: 'name', RetentionInDays: 'retention_in_days', KmsKeyId: 'kms_key_id' } },
  aws_apigatewayv2_api: { cfnType: 'AWS::ApiGatewayV2::Api', properties: { Name: 'name', ProtocolType: 'protocol_type', Target: 'target' } },
  aws_apigatewayv2_route: {
    cfnType: 'AWS::ApiGatewayV2::Route',
    properties: { ApiId: 'api_id', RouteKey: 'route_key', AuthorizationType: 'authorization_type', AuthorizerId: 'authorizer_id', Target: 'target', ApiKeyRequired: 'api_key_required' },
  },
  aws_apigatewayv2_integration: {
    cfnType: 'AWS::ApiGatewayV2::Integration',
    properties: { ApiId: 'api_id', IntegrationType: 'integration_type', IntegrationUri: 'integration_uri', PayloadFormatVersion: 'payload_format_version' },
  },
  aws_apigatewayv2_stage: {
    cfnType: 'AWS::ApiGatewayV2::Stage',
    properties: {
      ApiId: 'api_id', StageName: 'name', AutoDeploy: 'auto_deploy',
      AccessLogSettings: { DestinationArn: 'access_log_settings.destination_arn', Format: 'access_log_settings.format' },
      DefaultRouteSettings: {
        ThrottlingBurstLimit: 'default_route_settings.throttling_burst_limit', ThrottlingRateLimit: 'default_route_settings.throttling_rate_limit',
        DetailedMetricsEnabled: 'default_route_settings.detailed_metrics_enabled', LoggingLevel: 'default_route_settings.logging_level',
        DataTraceEnabled: 'default_route_settings.data_trace_enabled',
      },
    },
  },
};

/**
 * Resources that change another resource: the target is the resource their `target` attribute
 * refers to, and `set` says which of its properties they write.
 */
export interface Patch {
  target: string;
  /** CloudFormation property of the target → source in the patch (appended when `append`) */
  set: { [cfnProperty: string]: Source };
  append?: boolean;
}

export const PATCHES: Readonly<Record<string, Patch>> = {
  aws_iam_role_policy_attachment: { target: 'role', set: { ManagedPolicyArns: { wrap: 'policy_arn' } }, append: true },
  aws_s3_bucket_public_access_block: {
    target: 'bucket',
    set: {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: 'block_public_acls', BlockPublicPolicy: 'block_public_policy', IgnorePublicAcls: 'ignore_public_acls', RestrictPublicBuckets: 'restrict_public_buckets',
      },
    },
  },
  aws_s3_bucket_notification: {
    target: 'bucket',
    set: { NotificationConfiguration: { LambdaConfigurations: { each: 'lambda_function', of: { Function: 'lambda_function_arn', Event: 'events.0' } } } },
  },
};
