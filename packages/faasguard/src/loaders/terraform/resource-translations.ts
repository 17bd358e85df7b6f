/**
 * Terraform resources as the CloudFormation resources they create, as data: for each resource
 * type, its CloudFormation type and where each property comes from (an attribute, or an attribute
 * of a nested block). The CloudFormation loader then builds the model as it does for a template,
 * so every rule applies unchanged. Resources that only change another one (a policy attachment, a
 * bucket's public access block or notifications) are `patches` of their target.
 */

/**
 * Where a property's value comes from: an attribute (`role`), an attribute of a nested block
 * (`environment.variables`, `events.0` for a list's first item), a one-item list of another source
 * (`{ wrap: 'role' }`), one map per nested block (`{ each: 'inline_policy', of: {…} }`), an
 * attribute whose Terraform values CloudFormation spells otherwise (`{ attr: 'acl', as: 'canned-acl' }`,
 * see `CONVERSIONS`), a fixed text CloudFormation writes where Terraform has a block of its own
 * (`{ constant: 'access_logs.s3.enabled' }`, an attribute's key), the items of several lists as
 * one (`{ concat: [{ each: 'lambda_action', … }, { each: 's3_action', … }] }`, where Terraform has a
 * block type per kind of item and CloudFormation one list), or a map of such sources.
 */
export type Source =
  | string
  | { constant: string }
  | { wrap: Source }
  | { concat: readonly Source[] }
  | { each: string; of: { [cfnProperty: string]: Source } }
  | { attr: string; as: keyof typeof CONVERSIONS }
  | { [cfnProperty: string]: Source };

/**
 * Another resource a Terraform resource creates beside its main one: the legacy inline `policy` of
 * an `aws_s3_bucket` is a bucket policy. Made only when one of its properties is set; `ref` names
 * the property that refers back to the main resource.
 */
export interface Companion {
  /** Appended to the main resource's address: `aws_s3_bucket.site/policy` */
  suffix: string;
  cfnType: string;
  ref: string;
  properties: { [cfnProperty: string]: Source };
}

export interface Translation {
  cfnType: string;
  properties: { [cfnProperty: string]: Source };
  companions?: readonly Companion[];
}

/** A cache behavior's `lambda_function_association` block. */
const EDGE_ASSOCIATION = { EventType: 'event_type', LambdaFunctionARN: 'lambda_arn', IncludeBody: 'include_body' } as const;

/** Values Terraform writes in its own words: each conversion maps them to CloudFormation's (others pass unchanged). */
export const CONVERSIONS = {
  /** S3 canned ACLs: `public-read` is `PublicRead` */
  'canned-acl': (v: string | number | boolean): string | number | boolean =>
    typeof v === 'string' ? v.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') : v,
  /** A legacy `versioning { enabled = true }` block */
  'enabled-status': (v: string | number | boolean): string | number | boolean => (v === true || v === 'true' ? 'Enabled' : v === false || v === 'false' ? 'Suspended' : v),
  /** `method_path` of `aws_api_gateway_method_settings` (`orders/{id}/GET`; `*` for every path and method): its HTTP method */
  'method-of-path': (v: string | number | boolean): string | number | boolean => (typeof v === 'string' ? v.slice(v.lastIndexOf('/') + 1) : v),
  /** ...and its resource path, rooted (`/*`, `/orders/{id}`) */
  'resource-of-path': (v: string | number | boolean): string | number | boolean => (typeof v === 'string' ? `/${v.slice(0, Math.max(0, v.lastIndexOf('/')))}` : v),
  /** A load balancer's `internal = true` is its `Scheme: internal` */
  'internal-scheme': (v: string | number | boolean): string | number | boolean => (v === true || v === 'true' ? 'internal' : v === false || v === 'false' ? 'internet-facing' : v),
} as const;

/**
 * Attributes whose CloudFormation `Fn::GetAtt` name is not the attribute's name in PascalCase
 * (`aws_iam_access_key.deploy.secret` is `!GetAtt Deploy.SecretAccessKey`), or that stand for
 * the resource's secret rather than for what its block writes (`aws_api_gateway_api_key.k.value`).
 */
export const ATTRIBUTE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'AWS::IAM::AccessKey': { secret: 'SecretAccessKey' },
  // The key itself, even when the block writes it: a reference to it is the secret, wherever it comes from.
  'AWS::ApiGateway::ApiKey': { value: 'Value' },
};

/** A pipe's Kinesis or DynamoDB stream parameters: the same settings under either block. */
function pipeStreamParameters(block: string): { [cfnProperty: string]: Source } {
  const at = (name: string): string => `source_parameters.${block}.${name}`;
  return {
    BatchSize: at('batch_size'), StartingPosition: at('starting_position'), MaximumRetryAttempts: at('maximum_retry_attempts'),
    MaximumRecordAgeInSeconds: at('maximum_record_age_in_seconds'), OnPartialBatchItemFailure: at('on_partial_batch_item_failure'),
    DeadLetterConfig: { Arn: at('dead_letter_config.arn') },
  };
}

/** Elastic Load Balancing v2, under both of Terraform's names (`aws_lb`, and the older `aws_alb`). */
const LOAD_BALANCER: Translation = {
  cfnType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  properties: {
    Name: 'name',
    Type: 'load_balancer_type',
    Scheme: { attr: 'internal', as: 'internal-scheme' },
    SecurityGroups: 'security_groups',
    Subnets: 'subnets',
    // `access_logs { enabled = true }` is the attribute CloudFormation sets; `enabled` left out is false.
    LoadBalancerAttributes: { each: 'access_logs', of: { Key: { constant: 'access_logs.s3.enabled' }, Value: 'enabled' } },
  },
};

/** A listener's or rule's actions: the target groups they forward to, and where they redirect. */
function lbActions(block: string): Source {
  return {
    each: block,
    of: {
      Type: 'type',
      TargetGroupArn: 'target_group_arn',
      ForwardConfig: { TargetGroups: { each: 'forward.target_group', of: { TargetGroupArn: 'arn' } } },
      RedirectConfig: { Protocol: 'redirect.protocol', Port: 'redirect.port', StatusCode: 'redirect.status_code' },
    },
  };
}

const LISTENER: Translation = {
  cfnType: 'AWS::ElasticLoadBalancingV2::Listener',
  properties: { LoadBalancerArn: 'load_balancer_arn', Port: 'port', Protocol: 'protocol', SslPolicy: 'ssl_policy', CertificateArn: 'certificate_arn', DefaultActions: lbActions('default_action') },
};

const LISTENER_RULE: Translation = {
  cfnType: 'AWS::ElasticLoadBalancingV2::ListenerRule',
  properties: { ListenerArn: 'listener_arn', Priority: 'priority', Actions: lbActions('action') },
};

const TARGET_GROUP: Translation = {
  cfnType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
  properties: { Name: 'name', TargetType: 'target_type', Port: 'port', Protocol: 'protocol' },
};

export const TRANSLATIONS: Readonly<Record<string, Translation>> = {
  aws_lambda_function: {
    cfnType: 'AWS::Lambda::Function',
    properties: {
      FunctionName: 'function_name', Handler: 'handler', Runtime: 'runtime', Role: 'role', Timeout: 'timeout', MemorySize: 'memory_size',
      ReservedConcurrentExecutions: 'reserved_concurrent_executions', KmsKeyArn: 'kms_key_arn', Layers: 'layers',
      Environment: { Variables: 'environment.variables' }, TracingConfig: { Mode: 'tracing_config.mode' },
      DeadLetterConfig: { TargetArn: 'dead_letter_config.target_arn' }, VpcConfig: { SubnetIds: 'vpc_config.subnet_ids', SecurityGroupIds: 'vpc_config.security_group_ids' },
      LoggingConfig: {
        LogGroup: 'logging_config.log_group', LogFormat: 'logging_config.log_format',
        ApplicationLogLevel: 'logging_config.application_log_level', SystemLogLevel: 'logging_config.system_log_level',
      },
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
      FunctionUrlAuthType: 'function_url_auth_type', InvokedViaFunctionUrl: 'invoked_via_function_url', PrincipalOrgID: 'principal_org_id',
    },
  },
  aws_lambda_event_source_mapping: {
    cfnType: 'AWS::Lambda::EventSourceMapping',
    properties: {
      EventSourceArn: 'event_source_arn', FunctionName: 'function_name', BatchSize: 'batch_size', StartingPosition: 'starting_position',
      MaximumRetryAttempts: 'maximum_retry_attempts', BisectBatchOnFunctionError: 'bisect_batch_on_function_error', ParallelizationFactor: 'parallelization_factor',
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
  aws_lambda_alias: { cfnType: 'AWS::Lambda::Alias', properties: { Name: 'name', FunctionName: 'function_name', FunctionVersion: 'function_version' } },
  aws_lambda_function_event_invoke_config: {
    cfnType: 'AWS::Lambda::EventInvokeConfig',
    properties: {
      FunctionName: 'function_name', Qualifier: 'qualifier', MaximumRetryAttempts: 'maximum_retry_attempts', MaximumEventAgeInSeconds: 'maximum_event_age_in_seconds',
      DestinationConfig: { OnFailure: { Destination: 'destination_config.on_failure.destination' }, OnSuccess: { Destination: 'destination_config.on_success.destination' } },
    },
  },
  // Its code folder (an `archive_file`'s source) is read like a function's: it runs inside every function that lists it.
  aws_lambda_layer_version: { cfnType: 'AWS::Lambda::LayerVersion', properties: { LayerName: 'layer_name', Content: 'filename', CompatibleRuntimes: 'compatible_runtimes' } },
  aws_lambda_layer_version_permission: {
    cfnType: 'AWS::Lambda::LayerVersionPermission',
    properties: { LayerVersionArn: 'layer_name', Action: 'action', Principal: 'principal', OrganizationId: 'organization_id' },
  },
  aws_iam_role_policy: { cfnType: 'AWS::IAM::Policy', properties: { PolicyName: 'name', PolicyDocument: 'policy', Roles: { wrap: 'role' } } },
  aws_iam_policy: { cfnType: 'AWS::IAM::ManagedPolicy', properties: { ManagedPolicyName: 'name', PolicyDocument: 'policy' } },
  aws_s3_bucket: {
    cfnType: 'AWS::S3::Bucket',
    // `acl`, `website`, `versioning` and `server_side_encryption_configuration` are the legacy inline forms (AWS provider 3); version 4 made them resources of their own.
    properties: {
      BucketName: 'bucket', AccessControl: { attr: 'acl', as: 'canned-acl' }, WebsiteConfiguration: { IndexDocument: 'website.index_document' },
      VersioningConfiguration: { Status: { attr: 'versioning.enabled', as: 'enabled-status' } },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: {
          wrap: {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm',
              KMSMasterKeyID: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id',
            },
          },
        },
      },
    },
    companions: [{ suffix: '/policy', cfnType: 'AWS::S3::BucketPolicy', ref: 'Bucket', properties: { PolicyDocument: 'policy' } }],
  },
  aws_s3_bucket_policy: { cfnType: 'AWS::S3::BucketPolicy', properties: { Bucket: 'bucket', PolicyDocument: 'policy' } },
  aws_sqs_queue: {
    cfnType: 'AWS::SQS::Queue',
    properties: { QueueName: 'name', KmsMasterKeyId: 'kms_master_key_id', SqsManagedSseEnabled: 'sqs_managed_sse_enabled', RedrivePolicy: 'redrive_policy', VisibilityTimeout: 'visibility_timeout_seconds' },
  },
  aws_sqs_queue_policy: { cfnType: 'AWS::SQS::QueuePolicy', properties: { Queues: { wrap: 'queue_url' }, PolicyDocument: 'policy' } },
  aws_kms_key: {
    cfnType: 'AWS::KMS::Key',
    properties: {
      KeyPolicy: 'policy',
      Description: 'description',
      EnableKeyRotation: 'enable_key_rotation',
      Enabled: 'is_enabled',
      KeySpec: 'customer_master_key_spec',
      KeyUsage: 'key_usage',
      // Not a CloudFormation property (it has no custom key stores): KMS's CreateKey parameter, so that a key of a CloudHSM or external store is known as one.
      CustomKeyStoreId: 'custom_key_store_id',
    },
  },
  // Databases, caches, brokers and connections are translated for the credentials they hold (`credential-in-template`), brokers for their public access and logs, caches for their encryption too.
  aws_db_instance: {
    cfnType: 'AWS::RDS::DBInstance',
    properties: {
      DBInstanceIdentifier: 'identifier', Engine: 'engine', MasterUsername: 'username', MasterUserPassword: 'password', ManageMasterUserPassword: 'manage_master_user_password',
      StorageEncrypted: 'storage_encrypted', KmsKeyId: 'kms_key_id', PubliclyAccessible: 'publicly_accessible', VPCSecurityGroups: 'vpc_security_group_ids',
      SourceDBInstanceIdentifier: 'replicate_source_db', DBSnapshotIdentifier: 'snapshot_identifier',
      // A point-in-time restore takes its source's encryption: the block stands for the source here.
      SourceDbiResourceId: 'restore_to_point_in_time',
    },
  },
  aws_rds_cluster: {
    cfnType: 'AWS::RDS::DBCluster',
    properties: {
      DBClusterIdentifier: 'cluster_identifier', Engine: 'engine', MasterUsername: 'master_username', MasterUserPassword: 'master_password', ManageMasterUserPassword: 'manage_master_user_password',
      EngineMode: 'engine_mode', StorageEncrypted: 'storage_encrypted', KmsKeyId: 'kms_key_id', VpcSecurityGroupIds: 'vpc_security_group_ids',
      SnapshotIdentifier: 'snapshot_identifier', ReplicationSourceIdentifier: 'replication_source_identifier', GlobalClusterIdentifier: 'global_cluster_identifier',
      SourceDBClusterIdentifier: 'restore_to_point_in_time.source_cluster_identifier', PubliclyAccessible: 'publicly_accessible',
    },
  },
  aws_docdb_cluster: {
    cfnType: 'AWS::DocDB::DBCluster',
    properties: {
      DBClusterIdentifier: 'cluster_identifier', MasterUsername: 'master_username', MasterUserPassword: 'master_password', StorageEncrypted: 'storage_encrypted', KmsKeyId: 'kms_key_id',
      VpcSecurityGroupIds: 'vpc_security_group_ids', SnapshotIdentifier: 'snapshot_identifier', GlobalClusterIdentifier: 'global_cluster_identifier',
      SourceDBClusterIdentifier: 'restore_to_point_in_time.source_cluster_identifier',
    },
  },
  // An Aurora instance: its storage is its cluster's, its network access its own.
  aws_rds_cluster_instance: {
    cfnType: 'AWS::RDS::DBInstance',
    properties: { DBInstanceIdentifier: 'identifier', DBClusterIdentifier: 'cluster_identifier', Engine: 'engine', DBInstanceClass: 'instance_class', PubliclyAccessible: 'publicly_accessible' },
  },
  aws_elasticache_replication_group: {
    cfnType: 'AWS::ElastiCache::ReplicationGroup',
    properties: {
      ReplicationGroupId: 'replication_group_id',
      AuthToken: 'auth_token',
      UserGroupIds: 'user_group_ids',
      Engine: 'engine',
      TransitEncryptionEnabled: 'transit_encryption_enabled',
      TransitEncryptionMode: 'transit_encryption_mode',
      AtRestEncryptionEnabled: 'at_rest_encryption_enabled',
      GlobalReplicationGroupId: 'global_replication_group_id',
    },
  },
  aws_security_group: {
    cfnType: 'AWS::EC2::SecurityGroup',
    properties: {
      GroupDescription: 'description',
      VpcId: 'vpc_id',
      // Each block's sources are lists here, where CloudFormation writes one range per rule.
      SecurityGroupIngress: { each: 'ingress', of: { IpProtocol: 'protocol', FromPort: 'from_port', ToPort: 'to_port', CidrBlocks: 'cidr_blocks', Ipv6CidrBlocks: 'ipv6_cidr_blocks' } },
    },
  },
  aws_vpc_security_group_ingress_rule: {
    cfnType: 'AWS::EC2::SecurityGroupIngress',
    properties: { GroupId: 'security_group_id', IpProtocol: 'ip_protocol', FromPort: 'from_port', ToPort: 'to_port', CidrIp: 'cidr_ipv4', CidrIpv6: 'cidr_ipv6' },
  },
  // An interface endpoint: the service it reaches, and (`network_interface_ids`) the interfaces that carry its addresses.
  aws_vpc_endpoint: {
    cfnType: 'AWS::EC2::VPCEndpoint',
    properties: { ServiceName: 'service_name', VpcEndpointType: 'vpc_endpoint_type', VpcId: 'vpc_id', PrivateDnsEnabled: 'private_dns_enabled', SubnetIds: 'subnet_ids', SecurityGroupIds: 'security_group_ids', PolicyDocument: 'policy' },
  },
  aws_lb: LOAD_BALANCER,
  aws_alb: LOAD_BALANCER,
  aws_lb_listener: LISTENER,
  aws_alb_listener: LISTENER,
  aws_lb_listener_rule: LISTENER_RULE,
  aws_alb_listener_rule: LISTENER_RULE,
  aws_lb_target_group: TARGET_GROUP,
  aws_alb_target_group: TARGET_GROUP,
  aws_msk_cluster: {
    cfnType: 'AWS::MSK::Cluster',
    properties: {
      ClusterName: 'cluster_name',
      KafkaVersion: 'kafka_version',
      NumberOfBrokerNodes: 'number_of_broker_nodes',
      ClientAuthentication: { Unauthenticated: { Enabled: 'client_authentication.unauthenticated' }, Sasl: { Iam: { Enabled: 'client_authentication.sasl.iam' }, Scram: { Enabled: 'client_authentication.sasl.scram' } } },
      EncryptionInfo: { EncryptionInTransit: { ClientBroker: 'encryption_info.encryption_in_transit.client_broker' } },
      BrokerNodeGroupInfo: { ConnectivityInfo: { PublicAccess: { Type: 'broker_node_group_info.connectivity_info.public_access.type' } } },
    },
  },
  aws_mq_broker: {
    cfnType: 'AWS::AmazonMQ::Broker',
    properties: {
      BrokerName: 'broker_name',
      EngineType: 'engine_type',
      PubliclyAccessible: 'publicly_accessible',
      SecurityGroups: 'security_groups',
      Logs: { General: 'logs.general', Audit: 'logs.audit' },
      Users: { each: 'user', of: { Username: 'username', Password: 'password', ConsoleAccess: 'console_access' } },
    },
  },
  // OpenSearch Serverless: a network policy's document (jsonencode gives its structure), and the collections it names.
  aws_opensearchserverless_security_policy: { cfnType: 'AWS::OpenSearchServerless::SecurityPolicy', properties: { Name: 'name', Type: 'type', Policy: 'policy', Description: 'description' } },
  aws_opensearchserverless_collection: { cfnType: 'AWS::OpenSearchServerless::Collection', properties: { Name: 'name', Type: 'type', StandbyReplicas: 'standby_replicas' } },
  // How a distribution talks to its viewers: each cache behavior's protocol policy and Lambda@Edge functions, and the viewer certificate.
  aws_cloudfront_distribution: {
    cfnType: 'AWS::CloudFront::Distribution',
    properties: {
      DistributionConfig: {
        Enabled: 'enabled',
        Aliases: 'aliases',
        DefaultCacheBehavior: {
          ViewerProtocolPolicy: 'default_cache_behavior.viewer_protocol_policy',
          LambdaFunctionAssociations: { each: 'default_cache_behavior.lambda_function_association', of: EDGE_ASSOCIATION },
        },
        CacheBehaviors: {
          each: 'ordered_cache_behavior',
          of: { PathPattern: 'path_pattern', ViewerProtocolPolicy: 'viewer_protocol_policy', LambdaFunctionAssociations: { each: 'lambda_function_association', of: EDGE_ASSOCIATION } },
        },
        ViewerCertificate: {
          CloudFrontDefaultCertificate: 'viewer_certificate.cloudfront_default_certificate',
          AcmCertificateArn: 'viewer_certificate.acm_certificate_arn',
          IamCertificateId: 'viewer_certificate.iam_certificate_id',
          MinimumProtocolVersion: 'viewer_certificate.minimum_protocol_version',
          SslSupportMethod: 'viewer_certificate.ssl_support_method',
        },
      },
    },
  },
  // Instances and launch templates for their metadata service settings, with the role their profile carries.
  aws_instance: {
    cfnType: 'AWS::EC2::Instance',
    properties: {
      ImageId: 'ami',
      IamInstanceProfile: 'iam_instance_profile',
      MetadataOptions: { HttpTokens: 'metadata_options.http_tokens', HttpEndpoint: 'metadata_options.http_endpoint' },
      LaunchTemplate: { LaunchTemplateId: 'launch_template.id', LaunchTemplateName: 'launch_template.name' },
    },
  },
  aws_launch_template: {
    cfnType: 'AWS::EC2::LaunchTemplate',
    properties: {
      LaunchTemplateName: 'name',
      LaunchTemplateData: {
        ImageId: 'image_id',
        MetadataOptions: { HttpTokens: 'metadata_options.http_tokens', HttpEndpoint: 'metadata_options.http_endpoint' },
        IamInstanceProfile: { Arn: 'iam_instance_profile.arn', Name: 'iam_instance_profile.name' },
      },
    },
  },
  aws_iam_instance_profile: { cfnType: 'AWS::IAM::InstanceProfile', properties: { Roles: { wrap: 'role' } } },
  aws_appsync_graphql_api: {
    cfnType: 'AWS::AppSync::GraphQLApi',
    properties: {
      Name: 'name',
      AuthenticationType: 'authentication_type',
      AdditionalAuthenticationProviders: { each: 'additional_authentication_provider', of: { AuthenticationType: 'authentication_type' } },
      LogConfig: { CloudWatchLogsRoleArn: 'log_config.cloudwatch_logs_role_arn', FieldLogLevel: 'log_config.field_log_level' },
    },
  },
  aws_appsync_datasource: {
    cfnType: 'AWS::AppSync::DataSource',
    properties: { ApiId: 'api_id', Name: 'name', Type: 'type', ServiceRoleArn: 'service_role_arn', LambdaConfig: { LambdaFunctionArn: 'lambda_config.function_arn' }, DynamoDBConfig: { TableName: 'dynamodb_config.table_name' } },
  },
  aws_appsync_resolver: {
    cfnType: 'AWS::AppSync::Resolver',
    properties: { ApiId: 'api_id', TypeName: 'type', FieldName: 'field', DataSourceName: 'data_source', Kind: 'kind', RequestMappingTemplate: 'request_template', Code: 'code' },
  },
  aws_appsync_function: {
    cfnType: 'AWS::AppSync::FunctionConfiguration',
    properties: { ApiId: 'api_id', Name: 'name', DataSourceName: 'data_source', RequestMappingTemplate: 'request_mapping_template', Code: 'code' },
  },
  aws_cloudwatch_event_connection: {
    cfnType: 'AWS::Events::Connection',
    properties: {
      Name: 'name',
      AuthorizationType: 'authorization_type',
      AuthParameters: {
        ApiKeyAuthParameters: { ApiKeyName: 'auth_parameters.api_key.key', ApiKeyValue: 'auth_parameters.api_key.value' },
        BasicAuthParameters: { Username: 'auth_parameters.basic.username', Password: 'auth_parameters.basic.password' },
        OAuthParameters: { ClientParameters: { ClientID: 'auth_parameters.oauth.client_parameters.client_id', ClientSecret: 'auth_parameters.oauth.client_parameters.client_secret' } },
      },
    },
  },
  aws_sns_topic: { cfnType: 'AWS::SNS::Topic', properties: { TopicName: 'name', KmsMasterKeyId: 'kms_master_key_id' } },
  aws_sns_topic_policy: { cfnType: 'AWS::SNS::TopicPolicy', properties: { Topics: { wrap: 'arn' }, PolicyDocument: 'policy' } },
  aws_sns_topic_subscription: { cfnType: 'AWS::SNS::Subscription', properties: { TopicArn: 'topic_arn', Protocol: 'protocol', Endpoint: 'endpoint' } },
  aws_cloudwatch_log_group: { cfnType: 'AWS::Logs::LogGroup', properties: { LogGroupName: 'name', RetentionInDays: 'retention_in_days', KmsKeyId: 'kms_key_id' } },
  aws_kinesis_stream: { cfnType: 'AWS::Kinesis::Stream', properties: { Name: 'name', StreamEncryption: { EncryptionType: 'encryption_type', KeyId: 'kms_key_id' } } },
  aws_dynamodb_table: {
    cfnType: 'AWS::DynamoDB::Table',
    properties: {
      TableName: 'name', StreamSpecification: { StreamViewType: 'stream_view_type' },
      SSESpecification: { SSEEnabled: 'server_side_encryption.enabled', KMSMasterKeyId: 'server_side_encryption.kms_key_arn' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: 'point_in_time_recovery.enabled' },
    },
  },
  aws_cloudwatch_event_rule: {
    cfnType: 'AWS::Events::Rule',
    properties: { Name: 'name', ScheduleExpression: 'schedule_expression', EventPattern: 'event_pattern', EventBusName: 'event_bus_name', State: 'state' },
  },
  aws_cloudwatch_event_bus: { cfnType: 'AWS::Events::EventBus', properties: { Name: 'name' } },
  aws_scheduler_schedule: {
    cfnType: 'AWS::Scheduler::Schedule',
    properties: {
      Name: 'name', ScheduleExpression: 'schedule_expression', State: 'state',
      Target: {
        Arn: 'target.arn', RoleArn: 'target.role_arn', Input: 'target.input',
        EcsParameters: { NetworkConfiguration: { AwsvpcConfiguration: { SecurityGroups: 'target.ecs_parameters.network_configuration.security_groups', Subnets: 'target.ecs_parameters.network_configuration.subnets', AssignPublicIp: 'target.ecs_parameters.network_configuration.assign_public_ip' } } },
      },
    },
  },
  aws_sfn_state_machine: {
    cfnType: 'AWS::StepFunctions::StateMachine',
    // `jsonencode({...})` arrives as the structure, a heredoc as text: the link reads either.
    properties: {
      StateMachineName: 'name', DefinitionString: 'definition', RoleArn: 'role_arn', StateMachineType: 'type',
      LoggingConfiguration: { Level: 'logging_configuration.level', Destinations: { each: 'logging_configuration', of: { CloudWatchLogsLogGroup: { LogGroupArn: 'log_destination' } } } },
    },
  },
  aws_pipes_pipe: {
    cfnType: 'AWS::Pipes::Pipe',
    properties: {
      Name: 'name', Source: 'source', Target: 'target', Enrichment: 'enrichment', RoleArn: 'role_arn', DesiredState: 'desired_state',
      SourceParameters: {
        SqsQueueParameters: { BatchSize: 'source_parameters.sqs_queue_parameters.batch_size' },
        KinesisStreamParameters: pipeStreamParameters('kinesis_stream_parameters'),
        DynamoDBStreamParameters: pipeStreamParameters('dynamodb_stream_parameters'),
      },
      TargetParameters: { LambdaFunctionParameters: { InvocationType: 'target_parameters.lambda_function_parameters.invocation_type' } },
    },
  },
  aws_iot_topic_rule: {
    cfnType: 'AWS::IoT::TopicRule',
    properties: { RuleName: 'name', TopicRulePayload: { Sql: 'sql', Actions: { each: 'lambda', of: { Lambda: { FunctionArn: 'function_arn' } } } } },
  },
  aws_ses_receipt_rule: {
    cfnType: 'AWS::SES::ReceiptRule',
    properties: {
      RuleSetName: 'rule_set_name',
      Rule: {
        Name: 'name',
        Recipients: 'recipients',
        Actions: {
          concat: [
            { each: 'lambda_action', of: { LambdaAction: { FunctionArn: 'function_arn', InvocationType: 'invocation_type' } } },
            { each: 's3_action', of: { S3Action: { BucketName: 'bucket_name', ObjectKeyPrefix: 'object_key_prefix' } } },
          ],
        },
      },
    },
  },
  aws_iot_authorizer: {
    cfnType: 'AWS::IoT::Authorizer',
    properties: { AuthorizerName: 'name', AuthorizerFunctionArn: 'authorizer_function_arn', SigningDisabled: 'signing_disabled', Status: 'status' },
  },
  aws_s3control_object_lambda_access_point: {
    cfnType: 'AWS::S3ObjectLambda::AccessPoint',
    properties: {
      Name: 'name',
      ObjectLambdaConfiguration: {
        SupportingAccessPoint: 'configuration.supporting_access_point',
        TransformationConfigurations: {
          each: 'configuration.transformation_configuration',
          of: { Actions: 'actions', ContentTransformation: { AwsLambda: { FunctionArn: 'content_transformation.aws_lambda.function_arn' } } },
        },
      },
    },
  },
  aws_kinesis_firehose_delivery_stream: {
    cfnType: 'AWS::KinesisFirehose::DeliveryStream',
    properties: {
      DeliveryStreamName: 'name',
      ExtendedS3DestinationConfiguration: firehoseProcessing('extended_s3_configuration'),
      HttpEndpointDestinationConfiguration: firehoseProcessing('http_endpoint_configuration'),
      AmazonopensearchserviceDestinationConfiguration: firehoseProcessing('opensearch_configuration'),
      RedshiftDestinationConfiguration: firehoseProcessing('redshift_configuration'),
      SplunkDestinationConfiguration: firehoseProcessing('splunk_configuration'),
    },
  },
  aws_vpclattice_target_group: { cfnType: 'AWS::VpcLattice::TargetGroup', properties: { Name: 'name', Type: 'type' } },
  aws_transfer_server: {
    cfnType: 'AWS::Transfer::Server',
    properties: {
      IdentityProviderType: 'identity_provider_type',
      IdentityProviderDetails: { Function: 'function' },
      EndpointType: 'endpoint_type',
      EndpointDetails: { AddressAllocationIds: 'endpoint_details.address_allocation_ids' },
    },
  },
  aws_bedrockagent_agent: { cfnType: 'AWS::Bedrock::Agent', properties: { AgentName: 'agent_name' } },
  aws_codecommit_repository: { cfnType: 'AWS::CodeCommit::Repository', properties: { RepositoryName: 'repository_name' } },
  aws_cognito_user_pool: {
    cfnType: 'AWS::Cognito::UserPool',
    properties: {
      UserPoolName: 'name', MfaConfiguration: 'mfa_configuration',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 'password_policy.minimum_length', RequireLowercase: 'password_policy.require_lowercase', RequireNumbers: 'password_policy.require_numbers',
          RequireSymbols: 'password_policy.require_symbols', RequireUppercase: 'password_policy.require_uppercase',
        },
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: 'admin_create_user_config.allow_admin_create_user_only' },
      Schema: { each: 'schema', of: { Name: 'name', AttributeDataType: 'attribute_data_type', Mutable: 'mutable' } },
      LambdaConfig: {
        PreSignUp: 'lambda_config.pre_sign_up', PostConfirmation: 'lambda_config.post_confirmation', PreAuthentication: 'lambda_config.pre_authentication',
        PostAuthentication: 'lambda_config.post_authentication', CustomMessage: 'lambda_config.custom_message', DefineAuthChallenge: 'lambda_config.define_auth_challenge',
        CreateAuthChallenge: 'lambda_config.create_auth_challenge', VerifyAuthChallengeResponse: 'lambda_config.verify_auth_challenge_response',
        PreTokenGeneration: 'lambda_config.pre_token_generation', UserMigration: 'lambda_config.user_migration',
      },
    },
  },
  aws_cognito_user_pool_client: {
    cfnType: 'AWS::Cognito::UserPoolClient',
    properties: { UserPoolId: 'user_pool_id', GenerateSecret: 'generate_secret', ExplicitAuthFlows: 'explicit_auth_flows', AllowedOAuthFlows: 'allowed_oauth_flows', WriteAttributes: 'write_attributes' },
  },
  aws_cognito_identity_pool: { cfnType: 'AWS::Cognito::IdentityPool', properties: { IdentityPoolName: 'identity_pool_name', AllowUnauthenticatedIdentities: 'allow_unauthenticated_identities' } },
  aws_cognito_identity_pool_roles_attachment: { cfnType: 'AWS::Cognito::IdentityPoolRoleAttachment', properties: { IdentityPoolId: 'identity_pool_id', Roles: 'roles' } },
  aws_ssm_parameter: { cfnType: 'AWS::SSM::Parameter', properties: { Name: 'name', Type: 'type', Value: 'value' } },
  aws_secretsmanager_secret: { cfnType: 'AWS::SecretsManager::Secret', properties: { Name: 'name', KmsKeyId: 'kms_key_id' } },
  aws_secretsmanager_secret_rotation: {
    cfnType: 'AWS::SecretsManager::RotationSchedule',
    properties: { SecretId: 'secret_id', RotationLambdaARN: 'rotation_lambda_arn', RotationRules: { AutomaticallyAfterDays: 'rotation_rules.automatically_after_days', ScheduleExpression: 'rotation_rules.schedule_expression' } },
  },
  aws_iam_user: { cfnType: 'AWS::IAM::User', properties: { UserName: 'name' } },
  aws_iam_access_key: { cfnType: 'AWS::IAM::AccessKey', properties: { UserName: 'user', Status: 'status' } },
  // Container definitions are JSON text in the ECS and Batch APIs' spelling (see `model/facts/container-environment.ts`).
  aws_ecs_task_definition: { cfnType: 'AWS::ECS::TaskDefinition', properties: { Family: 'family', ContainerDefinitions: 'container_definitions' } },
  aws_batch_job_definition: { cfnType: 'AWS::Batch::JobDefinition', properties: { JobDefinitionName: 'name', ContainerProperties: 'container_properties' } },
  aws_wafv2_web_acl_association: { cfnType: 'AWS::WAFv2::WebACLAssociation', properties: { ResourceArn: 'resource_arn', WebACLArn: 'web_acl_arn' } },
  aws_api_gateway_rest_api: {
    cfnType: 'AWS::ApiGateway::RestApi',
    properties: { Name: 'name', Policy: 'policy', DisableExecuteApiEndpoint: 'disable_execute_api_endpoint', EndpointConfiguration: { Types: 'endpoint_configuration.types' } },
  },
  aws_api_gateway_resource: { cfnType: 'AWS::ApiGateway::Resource', properties: { RestApiId: 'rest_api_id', ParentId: 'parent_id', PathPart: 'path_part' } },
  aws_api_gateway_method: {
    cfnType: 'AWS::ApiGateway::Method',
    properties: {
      RestApiId: 'rest_api_id', ResourceId: 'resource_id', HttpMethod: 'http_method', AuthorizationType: 'authorization', AuthorizerId: 'authorizer_id',
      ApiKeyRequired: 'api_key_required', RequestValidatorId: 'request_validator_id', RequestParameters: 'request_parameters',
    },
  },
  aws_api_gateway_account: { cfnType: 'AWS::ApiGateway::Account', properties: { CloudWatchRoleArn: 'cloudwatch_role_arn' } },
  aws_api_gateway_authorizer: {
    cfnType: 'AWS::ApiGateway::Authorizer',
    properties: { RestApiId: 'rest_api_id', Name: 'name', Type: 'type', AuthorizerUri: 'authorizer_uri', ProviderARNs: 'provider_arns', IdentitySource: 'identity_source' },
  },
  aws_api_gateway_request_validator: {
    cfnType: 'AWS::ApiGateway::RequestValidator',
    properties: { RestApiId: 'rest_api_id', Name: 'name', ValidateRequestBody: 'validate_request_body', ValidateRequestParameters: 'validate_request_parameters' },
  },
  aws_api_gateway_deployment: { cfnType: 'AWS::ApiGateway::Deployment', properties: { RestApiId: 'rest_api_id', StageName: 'stage_name' } },
  aws_api_gateway_stage: {
    cfnType: 'AWS::ApiGateway::Stage',
    properties: {
      RestApiId: 'rest_api_id', StageName: 'stage_name', DeploymentId: 'deployment_id', TracingEnabled: 'xray_tracing_enabled',
      CacheClusterEnabled: 'cache_cluster_enabled', ClientCertificateId: 'client_certificate_id',
      AccessLogSetting: { DestinationArn: 'access_log_settings.destination_arn', Format: 'access_log_settings.format' },
    },
  },
  aws_api_gateway_usage_plan: {
    cfnType: 'AWS::ApiGateway::UsagePlan',
    properties: {
      UsagePlanName: 'name', ApiStages: { each: 'api_stages', of: { ApiId: 'api_id', Stage: 'stage' } },
      Throttle: { BurstLimit: 'throttle_settings.burst_limit', RateLimit: 'throttle_settings.rate_limit' }, Quota: { Limit: 'quota_settings.limit', Period: 'quota_settings.period' },
    },
  },
  aws_api_gateway_api_key: { cfnType: 'AWS::ApiGateway::ApiKey', properties: { Name: 'name', Value: 'value', Enabled: 'enabled' } },
  aws_apigatewayv2_authorizer: {
    cfnType: 'AWS::ApiGatewayV2::Authorizer',
    properties: {
      ApiId: 'api_id', Name: 'name', AuthorizerType: 'authorizer_type', AuthorizerUri: 'authorizer_uri', IdentitySource: 'identity_source',
      JwtConfiguration: { Audience: 'jwt_configuration.audience', Issuer: 'jwt_configuration.issuer' },
    },
  },
  aws_api_gateway_domain_name: {
    cfnType: 'AWS::ApiGateway::DomainName',
    properties: { DomainName: 'domain_name', SecurityPolicy: 'security_policy', EndpointConfiguration: { Types: 'endpoint_configuration.types' } },
  },
  aws_apigatewayv2_domain_name: {
    cfnType: 'AWS::ApiGatewayV2::DomainName',
    properties: {
      DomainName: 'domain_name',
      DomainNameConfigurations: { each: 'domain_name_configuration', of: { SecurityPolicy: 'security_policy', EndpointType: 'endpoint_type', CertificateArn: 'certificate_arn' } },
    },
  },
  aws_apigatewayv2_api: {
    cfnType: 'AWS::ApiGatewayV2::Api',
    properties: {
      Name: 'name', ProtocolType: 'protocol_type', Target: 'target', DisableExecuteApiEndpoint: 'disable_execute_api_endpoint',
      CorsConfiguration: {
        AllowOrigins: 'cors_configuration.allow_origins', AllowMethods: 'cors_configuration.allow_methods',
        AllowHeaders: 'cors_configuration.allow_headers', AllowCredentials: 'cors_configuration.allow_credentials',
      },
    },
  },
  aws_apigatewayv2_route: {
    cfnType: 'AWS::ApiGatewayV2::Route',
    properties: {
      ApiId: 'api_id', RouteKey: 'route_key', AuthorizationType: 'authorization_type', AuthorizerId: 'authorizer_id', Target: 'target', ApiKeyRequired: 'api_key_required',
      ModelSelectionExpression: 'model_selection_expression', RequestModels: 'request_models',
    },
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
  /**
   * The attribute that refers to the target (a list of references patches each), or, for a
   * resource that names its target by values (an integration names its method by API, resource
   * and HTTP method), the target's type and the attributes both share.
   */
  target: string | { type: string; match: readonly string[] };
  /** CloudFormation property of the target → source in the patch (appended when `append`) */
  set: { [cfnProperty: string]: Source };
  append?: boolean;
  /** Applied only when this attribute of the patch has this value (`type = "ingress"`) */
  when?: { attribute: string; equals: string };
}

/** A Firehose destination's Lambda processors, under the destination's block (`extended_s3_configuration`). */
function firehoseProcessing(block: string): Source {
  return {
    ProcessingConfiguration: {
      Processors: { each: `${block}.processing_configuration.processors`, of: { Type: 'type', Parameters: { each: 'parameters', of: { ParameterName: 'parameter_name', ParameterValue: 'parameter_value' } } } },
    },
  };
}

/** A target of a group, under both of Terraform's names: with a function's ARN, the function the group invokes. */
const TARGET_GROUP_ATTACHMENT: Patch = { target: 'target_group_arn', set: { Targets: { wrap: { Id: 'target_id' } } }, append: true };

export const PATCHES: Readonly<Record<string, Patch>> = {
  // One rule of a group, inbound or outbound by its `type`: the inbound ones join the group's own.
  aws_security_group_rule: {
    target: 'security_group_id',
    set: { SecurityGroupIngress: { wrap: { IpProtocol: 'protocol', FromPort: 'from_port', ToPort: 'to_port', CidrBlocks: 'cidr_blocks', Ipv6CidrBlocks: 'ipv6_cidr_blocks' } } },
    append: true,
    when: { attribute: 'type', equals: 'ingress' },
  },
  aws_lb_target_group_attachment: TARGET_GROUP_ATTACHMENT,
  // A VPC Lattice group's target (a function's ARN as its id), as CloudFormation writes it in the group.
  aws_vpclattice_target_group_attachment: { target: 'target_group_identifier', set: { Targets: { wrap: { Id: 'target.id' } } }, append: true },
  // An agent's action group, and its function, as CloudFormation writes them in the agent.
  aws_bedrockagent_agent_action_group: {
    target: 'agent_id',
    set: { ActionGroups: { wrap: { ActionGroupName: 'action_group_name', ActionGroupExecutor: { Lambda: 'action_group_executor.lambda' } } } },
    append: true,
  },
  // A repository's triggers, kept in a resource of their own that names the repository by its name.
  aws_codecommit_trigger: { target: { type: 'aws_codecommit_repository', match: ['repository_name'] }, set: { Triggers: { each: 'trigger', of: { Name: 'name', DestinationArn: 'destination_arn', Events: 'events' } } }, append: true },
  aws_alb_target_group_attachment: TARGET_GROUP_ATTACHMENT,
  aws_iam_role_policy_attachment: { target: 'role', set: { ManagedPolicyArns: { wrap: 'policy_arn' } }, append: true },
  // `roles` is a list: the policy is attached to each.
  aws_iam_policy_attachment: { target: 'roles', set: { ManagedPolicyArns: { wrap: 'policy_arn' } }, append: true },
  aws_iam_role_policy_attachments_exclusive: { target: 'role_name', set: { ManagedPolicyArns: 'policy_arns' }, append: true },
  aws_s3_bucket_acl: { target: 'bucket', set: { AccessControl: { attr: 'acl', as: 'canned-acl' } } },
  aws_s3_bucket_ownership_controls: { target: 'bucket', set: { OwnershipControls: { Rules: { wrap: { ObjectOwnership: 'rule.object_ownership' } } } } },
  aws_s3_bucket_website_configuration: { target: 'bucket', set: { WebsiteConfiguration: { IndexDocument: 'index_document.suffix' } } },
  aws_s3_bucket_versioning: { target: 'bucket', set: { VersioningConfiguration: { Status: 'versioning_configuration.status' } } },
  aws_s3_bucket_server_side_encryption_configuration: {
    target: 'bucket',
    set: {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: {
          wrap: { ServerSideEncryptionByDefault: { SSEAlgorithm: 'rule.apply_server_side_encryption_by_default.sse_algorithm', KMSMasterKeyID: 'rule.apply_server_side_encryption_by_default.kms_master_key_id' } },
        },
      },
    },
  },
  aws_cloudwatch_event_target: { target: 'rule', set: { Targets: { wrap: { Id: 'target_id', Arn: 'arn', RoleArn: 'role_arn', Input: 'input' } } }, append: true },
  // A bus's whole policy document; the account's default bus is not a resource of the module, and its policy is not judged.
  aws_cloudwatch_event_bus_policy: { target: 'event_bus_name', set: { Policy: 'policy' } },
  aws_secretsmanager_secret_version: { target: 'secret_id', set: { SecretString: 'secret_string' } },
  aws_api_gateway_rest_api_policy: { target: 'rest_api_id', set: { Policy: 'policy' } },
  aws_kms_key_policy: { target: 'key_id', set: { KeyPolicy: 'policy' } },
  // An integration names its method by API, resource and HTTP method, not by reference.
  aws_api_gateway_integration: {
    target: { type: 'aws_api_gateway_method', match: ['rest_api_id', 'resource_id', 'http_method'] },
    set: {
      Integration: {
        Type: 'type', Uri: 'uri', IntegrationHttpMethod: 'integration_http_method', ConnectionType: 'connection_type', Credentials: 'credentials',
        RequestParameters: 'request_parameters', RequestTemplates: 'request_templates', CacheKeyParameters: 'cache_key_parameters',
      },
    },
  },
  aws_api_gateway_method_settings: {
    target: { type: 'aws_api_gateway_stage', match: ['rest_api_id', 'stage_name'] },
    set: {
      MethodSettings: {
        wrap: {
          HttpMethod: { attr: 'method_path', as: 'method-of-path' }, ResourcePath: { attr: 'method_path', as: 'resource-of-path' },
          LoggingLevel: 'settings.logging_level', DataTraceEnabled: 'settings.data_trace_enabled', MetricsEnabled: 'settings.metrics_enabled',
          ThrottlingBurstLimit: 'settings.throttling_burst_limit', ThrottlingRateLimit: 'settings.throttling_rate_limit',
          CachingEnabled: 'settings.caching_enabled', CacheDataEncrypted: 'settings.cache_data_encrypted', CacheTtlInSeconds: 'settings.cache_ttl_in_seconds',
        },
      },
    },
    append: true,
  },
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
    set: {
      NotificationConfiguration: {
        LambdaConfigurations: { each: 'lambda_function', of: { Function: 'lambda_function_arn', Event: 'events.0' } },
        EventBridgeConfiguration: { EventBridgeEnabled: 'eventbridge' },
      },
    },
  },
};
