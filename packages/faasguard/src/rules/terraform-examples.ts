/**
 * The Terraform form of the rules' examples, for the rules Terraform apps meet most (each rule that
 * fires more than once on the Terraform of the shared corpus): each rule's docs page and
 * `faasguard explain` show it beside the template example, and a SARIF report whose findings of a
 * rule come from `.tf` files carries it in that rule's help. Data, one row per rule.
 */

export interface TerraformExample {
  vulnerable: string;
  fixed: string;
}

export const TERRAFORM_EXAMPLES: Readonly<Record<string, TerraformExample>> = {
  'function-url-without-auth': {
    vulnerable: 'resource "aws_lambda_function_url" "export" {\n  function_name      = aws_lambda_function.export.function_name\n  authorization_type = "NONE"\n}',
    fixed: 'resource "aws_lambda_function_url" "export" {\n  function_name      = aws_lambda_function.export.function_name\n  authorization_type = "AWS_IAM"\n}',
  },
  'api-route-without-auth': {
    vulnerable: 'resource "aws_api_gateway_method" "create_order" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  resource_id   = aws_api_gateway_resource.orders.id\n  http_method   = "POST"\n  authorization = "NONE"\n}',
    fixed: 'resource "aws_api_gateway_method" "create_order" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  resource_id   = aws_api_gateway_resource.orders.id\n  http_method   = "POST"\n  authorization = "COGNITO_USER_POOLS"\n  authorizer_id = aws_api_gateway_authorizer.customers.id\n}',
  },
  'credential-in-template': {
    vulnerable: 'resource "aws_mq_broker" "jobs" {\n  broker_name         = "jobs"\n  engine_type         = "RabbitMQ"\n  engine_version      = "3.13"\n  host_instance_type  = "mq.t3.micro"\n  publicly_accessible = false\n  user {\n    username = "admin"\n    password = "examplepassword"\n  }\n}',
    fixed: 'data "aws_secretsmanager_secret_version" "broker" {\n  secret_id = "jobs-broker-admin"\n}\n\nresource "aws_mq_broker" "jobs" {\n  broker_name         = "jobs"\n  engine_type         = "RabbitMQ"\n  engine_version      = "3.13"\n  host_instance_type  = "mq.t3.micro"\n  publicly_accessible = false\n  user {\n    username = "admin"\n    password = jsondecode(data.aws_secretsmanager_secret_version.broker.secret_string)["password"]\n  }\n}',
  },
  'iam-wildcard-action': {
    vulnerable: 'data "aws_iam_policy_document" "worker" {\n  statement {\n    actions   = ["s3:*"]\n    resources = ["*"]\n  }\n}',
    fixed: 'data "aws_iam_policy_document" "worker" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.reports.arn}/*"]\n  }\n}',
  },
  'iam-wildcard-resource-write': {
    vulnerable: 'data "aws_iam_policy_document" "worker" {\n  statement {\n    actions   = ["dynamodb:PutItem"]\n    resources = ["*"]\n  }\n}',
    fixed: 'data "aws_iam_policy_document" "worker" {\n  statement {\n    actions   = ["dynamodb:PutItem"]\n    resources = [aws_dynamodb_table.orders.arn]\n  }\n}',
  },
  'public-source-triggers-function': {
    vulnerable: 'resource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = aws_sqs_queue.jobs.arn }]\n  })\n}',
    fixed: 'resource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = aws_sqs_queue.jobs.arn\n      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }\n    }]\n  })\n}',
  },
  'bucket-trigger-without-public-access-block': {
    vulnerable: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "shop-uploads"\n}',
    fixed: 'resource "aws_s3_bucket_public_access_block" "uploads" {\n  bucket                  = aws_s3_bucket.uploads.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
  },
  'bucket-without-tls-policy': {
    vulnerable: 'resource "aws_s3_bucket" "reports" {\n  bucket = "shop-reports"\n}',
    fixed: 'resource "aws_s3_bucket_policy" "reports" {\n  bucket = aws_s3_bucket.reports.id\n  policy = jsonencode({\n    Statement = [{\n      Effect = "Deny", Principal = "*", Action = "s3:*"\n      Resource  = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}',
  },
  'function-without-log-retention': {
    vulnerable: 'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n  # … no log group declared\n}',
    fixed: 'resource "aws_cloudwatch_log_group" "orders" {\n  name              = "/aws/lambda/${aws_lambda_function.orders.function_name}"\n  retention_in_days = 30\n}',
  },
  'function-without-tracing': {
    vulnerable: 'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n}',
    fixed: 'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n  tracing_config {\n    mode = "Active"\n  }\n}',
  },
  'api-stage-without-access-logs': {
    vulnerable: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  deployment_id = aws_api_gateway_deployment.shop.id\n  stage_name    = "prod"\n}',
    fixed: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  deployment_id = aws_api_gateway_deployment.shop.id\n  stage_name    = "prod"\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api_access.arn\n    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })\n  }\n}',
  },
  'api-without-throttling': {
    vulnerable: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id = aws_api_gateway_rest_api.shop.id\n  stage_name  = "prod"\n}',
    fixed: 'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = aws_api_gateway_rest_api.shop.id\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    throttling_burst_limit = 50\n    throttling_rate_limit  = 100\n  }\n}',
  },
  'async-trigger-without-failure-destination': {
    vulnerable: 'resource "aws_cloudwatch_event_target" "nightly" {\n  rule = aws_cloudwatch_event_rule.nightly.name\n  arn  = aws_lambda_function.report.arn\n}',
    fixed: 'resource "aws_lambda_function_event_invoke_config" "report" {\n  function_name = aws_lambda_function.report.function_name\n  destination_config {\n    on_failure {\n      destination = aws_sqs_queue.report_failures.arn\n    }\n  }\n}',
  },
  'async-retries-unbounded': {
    vulnerable: 'resource "aws_lambda_function" "thumbs" {\n  function_name = "thumbs"\n}',
    fixed: 'resource "aws_lambda_function_event_invoke_config" "thumbs" {\n  function_name                = aws_lambda_function.thumbs.function_name\n  maximum_retry_attempts       = 1\n  maximum_event_age_in_seconds = 3600\n}',
  },
  'sqs-source-without-redrive': {
    vulnerable: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}',
    fixed: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn\n    maxReceiveCount     = 5\n  })\n}',
  },
  'stream-retries-unbounded': {
    vulnerable: 'resource "aws_lambda_event_source_mapping" "clicks" {\n  event_source_arn  = aws_kinesis_stream.clicks.arn\n  function_name     = aws_lambda_function.ingest.arn\n  starting_position = "LATEST"\n}',
    fixed: 'resource "aws_lambda_event_source_mapping" "clicks" {\n  event_source_arn               = aws_kinesis_stream.clicks.arn\n  function_name                  = aws_lambda_function.ingest.arn\n  starting_position              = "LATEST"\n  maximum_retry_attempts         = 3\n  bisect_batch_on_function_error = true\n  destination_config {\n    on_failure {\n      destination_arn = aws_sqs_queue.clicks_failed.arn\n    }\n  }\n}',
  },
  'runtime-deprecated': {
    vulnerable: 'resource "aws_lambda_function" "orders" {\n  runtime = "nodejs18.x"\n}',
    fixed: 'resource "aws_lambda_function" "orders" {\n  runtime = "nodejs24.x"\n}',
  },
  'lambda-permission-service-without-source': {
    vulnerable: 'resource "aws_lambda_permission" "uploads" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.thumbs.function_name\n  principal     = "s3.amazonaws.com"\n}',
    fixed: 'resource "aws_lambda_permission" "uploads" {\n  action         = "lambda:InvokeFunction"\n  function_name  = aws_lambda_function.thumbs.function_name\n  principal      = "s3.amazonaws.com"\n  source_arn     = aws_s3_bucket.uploads.arn\n  source_account = data.aws_caller_identity.current.account_id\n}',
  },
  'public-function-without-reserved-concurrency': {
    vulnerable: 'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n}',
    fixed: 'resource "aws_lambda_function" "orders" {\n  function_name                  = "orders"\n  reserved_concurrent_executions = 50\n}',
  },
  'env-plaintext-secret': {
    vulnerable: 'resource "aws_lambda_function" "api" {\n  environment {\n    variables = {\n      DB_PASSWORD = "q7RzT2vX9kLm4NpW8sYb"\n    }\n  }\n}',
    fixed: 'resource "aws_lambda_function" "api" {\n  environment {\n    variables = {\n      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn # read at run time, with secretsmanager:GetSecretValue on this secret only\n    }\n  }\n}',
  },
  'terraform-module-unpinned': {
    vulnerable: 'module "events" {\n  source = "terraform-aws-modules/eventbridge/aws"\n\n  bus_name = "orders"\n}',
    fixed: 'module "events" {\n  source  = "terraform-aws-modules/eventbridge/aws"\n  version = "3.14.3"\n\n  bus_name = "orders"\n}',
  },
  'log-group-without-retention': {
    vulnerable: 'resource "aws_cloudwatch_log_group" "api_access" {\n  name = "/shop/api-access"\n}',
    fixed: 'resource "aws_cloudwatch_log_group" "api_access" {\n  name              = "/shop/api-access"\n  retention_in_days = 90\n}',
  },
  'event-source-unencrypted': {
    vulnerable: 'resource "aws_sns_topic" "orders" {\n  name = "orders"\n}',
    fixed: 'resource "aws_sns_topic" "orders" {\n  name              = "orders"\n  kms_master_key_id = aws_kms_key.orders.arn\n}',
  },
  'public-function-without-alarm': {
    vulnerable: 'resource "aws_lambda_function" "webhook" {\n  function_name = "webhook"\n}',
    fixed: 'resource "aws_cloudwatch_metric_alarm" "webhook_errors" {\n  alarm_name          = "webhook-errors"\n  namespace           = "AWS/Lambda"\n  metric_name         = "Errors"\n  dimensions          = { FunctionName = aws_lambda_function.webhook.function_name }\n  statistic           = "Sum"\n  period              = 300\n  evaluation_periods  = 1\n  threshold           = 10\n  comparison_operator = "GreaterThanThreshold"\n  alarm_actions       = [aws_sns_topic.on_call.arn]\n}',
  },
  'api-stage-without-execution-logging': {
    vulnerable: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  deployment_id = aws_api_gateway_deployment.shop.id\n  stage_name    = "prod"\n}',
    fixed: 'resource "aws_api_gateway_method_settings" "prod" {\n  rest_api_id = aws_api_gateway_rest_api.shop.id\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    logging_level = "ERROR"\n  }\n}',
  },
  'api-stage-without-tracing': {
    vulnerable: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  deployment_id = aws_api_gateway_deployment.shop.id\n  stage_name    = "prod"\n}',
    fixed: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id          = aws_api_gateway_rest_api.shop.id\n  deployment_id        = aws_api_gateway_deployment.shop.id\n  stage_name           = "prod"\n  xray_tracing_enabled = true\n}',
  },
  'api-stage-data-trace-enabled': {
    vulnerable: 'resource "aws_api_gateway_method_settings" "prod" {\n  rest_api_id = aws_api_gateway_rest_api.shop.id\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    logging_level      = "INFO"\n    data_trace_enabled = true\n  }\n}',
    fixed: 'resource "aws_api_gateway_method_settings" "prod" {\n  rest_api_id = aws_api_gateway_rest_api.shop.id\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    logging_level      = "ERROR"\n    data_trace_enabled = false\n  }\n}',
  },
  'public-rest-api-without-waf': {
    vulnerable: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  deployment_id = aws_api_gateway_deployment.shop.id\n  stage_name    = "prod"\n}',
    fixed: 'resource "aws_wafv2_web_acl_association" "prod" {\n  resource_arn = aws_api_gateway_stage.prod.arn\n  web_acl_arn  = aws_wafv2_web_acl.api.arn\n}',
  },
  'api-request-without-validation': {
    vulnerable: 'resource "aws_api_gateway_method" "create_order" {\n  rest_api_id   = aws_api_gateway_rest_api.shop.id\n  resource_id   = aws_api_gateway_resource.orders.id\n  http_method   = "POST"\n  authorization = "NONE"\n}',
    fixed: 'resource "aws_api_gateway_method" "create_order" {\n  rest_api_id          = aws_api_gateway_rest_api.shop.id\n  resource_id          = aws_api_gateway_resource.orders.id\n  http_method          = "POST"\n  authorization        = "NONE"\n  request_validator_id = aws_api_gateway_request_validator.body.id\n  request_models       = { "application/json" = aws_api_gateway_model.order.name }\n}',
  },
  'iam-broad-managed-policy': {
    vulnerable: 'resource "aws_iam_role_policy_attachment" "uploads" {\n  role       = aws_iam_role.worker.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"\n}',
    fixed: 'resource "aws_iam_role_policy" "uploads" {\n  role = aws_iam_role.worker.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.uploads.arn}/*" }]\n  })\n}',
  },
  'cache-without-encryption': {
    vulnerable: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id = "sessions"\n  description          = "sessions"\n  engine               = "redis"\n  node_type            = "cache.t4g.micro"\n  num_cache_clusters   = 2\n}',
    fixed: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id       = "sessions"\n  description                = "sessions"\n  engine                     = "redis"\n  node_type                  = "cache.t4g.micro"\n  num_cache_clusters         = 2\n  transit_encryption_enabled = true\n  at_rest_encryption_enabled = true\n  auth_token                 = var.sessions_auth_token\n}',
  },
  'express-workflow-without-logs': {
    vulnerable: 'resource "aws_sfn_state_machine" "checkout" {\n  name       = "checkout"\n  type       = "EXPRESS"\n  role_arn   = aws_iam_role.checkout.arn\n  definition = file("checkout.asl.json")\n}',
    fixed: 'resource "aws_sfn_state_machine" "checkout" {\n  name       = "checkout"\n  type       = "EXPRESS"\n  role_arn   = aws_iam_role.checkout.arn\n  definition = file("checkout.asl.json")\n  logging_configuration {\n    level                  = "ERROR"\n    include_execution_data = false\n    log_destination        = "${aws_cloudwatch_log_group.checkout.arn}:*"\n  }\n}',
  },
  'graphql-api-without-logs': {
    vulnerable: 'resource "aws_appsync_graphql_api" "chat" {\n  name                = "chat"\n  authentication_type = "AMAZON_COGNITO_USER_POOLS"\n}',
    fixed: 'resource "aws_appsync_graphql_api" "chat" {\n  name                = "chat"\n  authentication_type = "AMAZON_COGNITO_USER_POOLS"\n  log_config {\n    cloudwatch_logs_role_arn = aws_iam_role.appsync_logs.arn\n    field_log_level          = "ERROR"\n    exclude_verbose_content  = true\n  }\n}',
  },
  'dynamodb-table-without-point-in-time-recovery': {
    vulnerable: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}',
    fixed: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
  },
  'kms-key-without-rotation': {
    vulnerable: 'resource "aws_kms_key" "orders" {\n  description = "orders queue"\n}',
    fixed: 'resource "aws_kms_key" "orders" {\n  description         = "orders queue"\n  enable_key_rotation = true\n}',
  },
  'mq-broker-publicly-accessible': {
    vulnerable: 'resource "aws_mq_broker" "jobs" {\n  broker_name         = "jobs"\n  engine_type         = "RabbitMQ"\n  engine_version      = "3.13"\n  host_instance_type  = "mq.t3.micro"\n  publicly_accessible = true\n  user {\n    username = "app"\n    password = var.broker_password\n  }\n}',
    fixed: 'resource "aws_mq_broker" "jobs" {\n  broker_name         = "jobs"\n  engine_type         = "RabbitMQ"\n  engine_version      = "3.13"\n  host_instance_type  = "mq.t3.micro"\n  publicly_accessible = false\n  subnet_ids          = [aws_subnet.private.id]\n  user {\n    username = "app"\n    password = var.broker_password\n  }\n}',
  },
  'mq-broker-without-logs': {
    vulnerable: 'resource "aws_mq_broker" "jobs" {\n  broker_name        = "jobs"\n  engine_type        = "ActiveMQ"\n  engine_version     = "5.18"\n  host_instance_type = "mq.t3.micro"\n  user {\n    username = "app"\n    password = var.broker_password\n  }\n}',
    fixed: 'resource "aws_mq_broker" "jobs" {\n  broker_name        = "jobs"\n  engine_type        = "ActiveMQ"\n  engine_version     = "5.18"\n  host_instance_type = "mq.t3.micro"\n  logs {\n    general = true\n    audit   = true\n  }\n  user {\n    username = "app"\n    password = var.broker_password\n  }\n}',
  },
  'log-group-without-kms-key': {
    vulnerable: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/aws/lambda/api"\n  retention_in_days = 30\n}',
    fixed: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/aws/lambda/api"\n  retention_in_days = 30\n  kms_key_id        = aws_kms_key.logs.arn\n}',
  },
  'open-cors-on-authenticated-endpoint': {
    vulnerable: 'resource "aws_apigatewayv2_api" "shop" {\n  name          = "shop"\n  protocol_type = "HTTP"\n  cors_configuration {\n    allow_origins = ["*"]\n  }\n}',
    fixed: 'resource "aws_apigatewayv2_api" "shop" {\n  name          = "shop"\n  protocol_type = "HTTP"\n  cors_configuration {\n    allow_origins = ["https://app.example.com"]\n  }\n}',
  },
  'env-secret-by-reference': {
    vulnerable: 'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n  environment {\n    variables = {\n      DB_PASSWORD = data.aws_secretsmanager_secret_version.db.secret_string\n    }\n  }\n}',
    fixed: 'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n  environment {\n    variables = {\n      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn\n    }\n  }\n}',
  },
  'lambda-permission-public': {
    vulnerable: 'resource "aws_lambda_permission" "partner" {\n  function_name = aws_lambda_function.worker.function_name\n  action        = "lambda:InvokeFunction"\n  principal     = "*"\n}',
    fixed: 'resource "aws_lambda_permission" "partner" {\n  function_name = aws_lambda_function.worker.function_name\n  action        = "lambda:InvokeFunction"\n  principal     = "123456789012"\n}',
  },
};

export function terraformExample(ruleId: string): TerraformExample | undefined {
  return Object.prototype.hasOwnProperty.call(TERRAFORM_EXAMPLES, ruleId) ? TERRAFORM_EXAMPLES[ruleId] : undefined;
}
