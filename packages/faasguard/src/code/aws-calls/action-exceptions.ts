/**
 * Operations whose IAM action is not named after them, from the AWS Service Authorization
 * Reference and the SDK documentation. Any other operation maps to the action of the same name,
 * and only when the IAM catalogue has it.
 */
import { findAction } from '../../iam/action-catalog.js';
import type { SdkCall } from './aws-call.js';
import { ROLE_PASSING_OPERATIONS } from './role-passing-operations.js';

/** `service:Operation` → the actions it needs. */
const EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  // S3 authorizes listing and HEAD requests with the bucket- and object-level actions.
  's3:ListObjects': ['s3:ListBucket'],
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:ListObjectVersions': ['s3:ListBucketVersions'],
  's3:HeadObject': ['s3:GetObject'],
  's3:HeadBucket': ['s3:ListBucket'],
  's3:DeleteObjects': ['s3:DeleteObject'],
  's3:CopyObject': ['s3:GetObject', 's3:PutObject'],
  // Reading an object's attributes is authorized as reading the object too.
  's3:GetObjectAttributes': ['s3:GetObject', 's3:GetObjectAttributes'],
  // Multipart uploads, the managed uploaders (v2 `upload`, lib-storage `Upload`, boto3 `upload_file`) and downloaders.
  's3:CreateMultipartUpload': ['s3:PutObject'],
  's3:UploadPart': ['s3:PutObject'],
  's3:CompleteMultipartUpload': ['s3:PutObject'],
  's3:Upload': ['s3:PutObject'],
  's3:UploadFile': ['s3:PutObject'],
  's3:UploadFileobj': ['s3:PutObject'],
  's3:DownloadFile': ['s3:GetObject'],
  's3:DownloadFileobj': ['s3:GetObject'],
  // DynamoDB authorizes each item of a transaction with the single-item actions.
  'dynamodb:TransactGetItems': ['dynamodb:GetItem'],
  'dynamodb:TransactWriteItems': ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
  'dynamodb:BatchWriter': ['dynamodb:BatchWriteItem'],
  // Batch APIs of SQS and SNS use the single-message actions.
  'sqs:SendMessageBatch': ['sqs:SendMessage'],
  'sqs:DeleteMessageBatch': ['sqs:DeleteMessage'],
  'sqs:ChangeMessageVisibilityBatch': ['sqs:ChangeMessageVisibility'],
  'sns:PublishBatch': ['sns:Publish'],
  'lambda:Invoke': ['lambda:InvokeFunction'],
  'lambda:InvokeWithResponseStream': ['lambda:InvokeFunction'],
  'execute-api:PostToConnection': ['execute-api:ManageConnections'],
  'execute-api:GetConnection': ['execute-api:ManageConnections'],
  'execute-api:DeleteConnection': ['execute-api:ManageConnections'],
  // Bedrock's Converse API is authorized as invoking the model.
  'bedrock:Converse': ['bedrock:InvokeModel'],
  'bedrock:ConverseStream': ['bedrock:InvokeModelWithResponseStream'],
  // Timestream's SDKs discover the endpoint first; a query is authorized as `Select`.
  'timestream:WriteRecords': ['timestream:WriteRecords', 'timestream:DescribeEndpoints'],
  'timestream:Query': ['timestream:Select', 'timestream:DescribeEndpoints'],
};

/** Calls that need no permission at all. */
const NO_PERMISSION = new Set(['sts:GetCallerIdentity']);

/**
 * What a bucket encrypted with a customer managed KMS key adds: reading an object decrypts its
 * data key, writing one generates a data key.
 */
export const KMS_FOR_S3: Readonly<Record<string, readonly string[]>> = {
  's3:GetObject': ['kms:Decrypt'],
  's3:PutObject': ['kms:GenerateDataKey'],
};

/**
 * The IAM actions an operation needs, validated against the catalogue: `[]` when it needs none,
 * undefined when the catalogue has no such action (the call is then not determined).
 */
export function actionsFor(service: string, operation: string): string[] | undefined {
  const key = `${service}:${operation}`;
  if (NO_PERMISSION.has(key)) return [];
  const listed = EXCEPTIONS[key];
  if (listed) return [...listed];
  const action = findAction(service, operation);
  if (!action) return service === 'apigateway' ? apiGatewayVerb(operation) : undefined;
  const own = `${action.service}:${action.name}`;
  return ROLE_PASSING_OPERATIONS.has(own) ? [own, 'iam:PassRole'] : [own];
}

/**
 * API Gateway's management APIs (v1 and v2) are authorized by the request's HTTP method
 * (`apigateway:GET`, `apigateway:POST` …), which the operation's verb names. Other verbs (`Import`,
 * `Flush`, `Tag` …) use methods that differ by API, and stay undetermined.
 */
const API_GATEWAY_VERBS: ReadonlyArray<readonly [string, string]> = [
  ['Get', 'GET'],
  ['Create', 'POST'],
  ['Update', 'PATCH'],
  ['Delete', 'DELETE'],
  ['Put', 'PUT'],
];

function apiGatewayVerb(operation: string): string[] | undefined {
  const verb = API_GATEWAY_VERBS.find(([prefix]) => operation.startsWith(prefix) && /^[A-Z]/.test(operation.slice(prefix.length)));
  return verb ? [`apigateway:${verb[1]}`] : undefined;
}

/** S3 operations that write an object and may set its ACL in the same request. */
const OBJECT_WRITES = new Set(['PutObject', 'CopyObject', 'CreateMultipartUpload', 'Upload', 'UploadFile', 'UploadFileobj']);

/**
 * The IAM actions one call needs: its operation's, plus `s3:PutObjectAcl` when an object write
 * sets an ACL (S3 authorizes the ACL part of the request with it).
 */
export function actionsForCall(call: SdkCall): string[] | undefined {
  const actions = actionsFor(call.service, call.operation);
  if (!actions || !call.acl || !writesObject(call)) return actions;
  return [...actions, 's3:PutObjectAcl'];
}

/** Whether the call writes an S3 object (and so may set its ACL). */
export function writesObject(call: SdkCall): boolean {
  return call.service === 's3' && OBJECT_WRITES.has(call.operation);
}
