/**
 * Actions some services perform with the caller's own permissions while serving a call: Textract
 * and Rekognition read an `S3Object` as the caller, Transcribe reads the media and writes the
 * transcript to the caller's output bucket, Athena reads the Glue catalogue, the queried
 * data and writes the results as the caller, the RDS Data API reads the database secret as the
 * caller. And some calls may hand the service a role, which IAM authorizes as the caller's
 * `iam:PassRole`: ECS running a task whose task definition names a task or execution role, an
 * optional role parameter (CloudFormation's `RoleARN`, EventBridge targets' `RoleArn`, Textract's
 * notification channel). Whether the call needs them depends on its arguments (an image as bytes
 * needs no S3 read) or on what it names, so they are not required of a role; a role that grants
 * them is not granting something its code never uses.
 *
 * From the services' documentation of the permissions their operations need.
 */
const S3_READ = ['s3:GetObject'];
/** Transcribe reads the media and, given `OutputBucketName`, writes the transcript as the caller. */
const S3_READ_WRITE = ['s3:GetObject', 's3:PutObject'];
const SECRET_READ = ['secretsmanager:GetSecretValue'];
const PASS_ROLE = ['iam:PassRole'];
const ATHENA_QUERY = [
  'glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition',
  's3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts', 's3:ListBucketMultipartUploads',
];

const CALLER_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  'textract:DetectDocumentText': S3_READ,
  'textract:AnalyzeDocument': S3_READ,
  'textract:AnalyzeExpense': S3_READ,
  'textract:AnalyzeID': S3_READ,
  'textract:StartDocumentTextDetection': [...S3_READ, ...PASS_ROLE],
  'textract:StartDocumentAnalysis': [...S3_READ, ...PASS_ROLE],
  'textract:StartExpenseAnalysis': [...S3_READ, ...PASS_ROLE],
  'textract:StartLendingAnalysis': [...S3_READ, ...PASS_ROLE],
  'rekognition:DetectLabels': S3_READ,
  'rekognition:DetectFaces': S3_READ,
  'rekognition:DetectText': S3_READ,
  'rekognition:DetectModerationLabels': S3_READ,
  'rekognition:DetectProtectiveEquipment': S3_READ,
  'rekognition:DetectCustomLabels': S3_READ,
  'rekognition:RecognizeCelebrities': S3_READ,
  'rekognition:CompareFaces': S3_READ,
  'rekognition:IndexFaces': S3_READ,
  'rekognition:SearchFacesByImage': S3_READ,
  'transcribe:StartTranscriptionJob': S3_READ_WRITE,
  'transcribe:StartMedicalTranscriptionJob': S3_READ_WRITE,
  'athena:StartQueryExecution': ATHENA_QUERY,
  'athena:GetQueryResults': S3_READ,
  // The RDS Data API reads the database credentials from the secret the call names, as the caller.
  'rds-data:ExecuteStatement': SECRET_READ,
  'rds-data:BatchExecuteStatement': SECRET_READ,
  'rds-data:BeginTransaction': SECRET_READ,
  'rds-data:CommitTransaction': SECRET_READ,
  'rds-data:RollbackTransaction': SECRET_READ,
  'rds-data:ExecuteSql': SECRET_READ,
  // The task definition's roles (taskRoleArn, executionRoleArn) are passed when ECS runs the task.
  'ecs:RunTask': PASS_ROLE,
  'ecs:StartTask': PASS_ROLE,
  // A role the call may name, and need not.
  'ecs:RegisterTaskDefinition': PASS_ROLE,
  'ecs:CreateService': PASS_ROLE,
  'cloudformation:CreateStack': PASS_ROLE,
  'cloudformation:UpdateStack': PASS_ROLE,
  'cloudformation:CreateChangeSet': PASS_ROLE,
  'events:PutTargets': PASS_ROLE,
  'lambda:UpdateFunctionConfiguration': PASS_ROLE,
  'ec2:RunInstances': PASS_ROLE,
};

/** Actions the service may perform as the caller when the code calls `action` (lower case, for lookups). */
export function callerPermissionsOf(action: string): string[] {
  const key = Object.keys(CALLER_PERMISSIONS).find((k) => k.toLowerCase() === action.toLowerCase());
  const listed = key ? CALLER_PERMISSIONS[key]!.map((a) => a.toLowerCase()) : [];
  return [...listed, ...tagOnCreate(action)];
}

/**
 * A create call that passes tags is also authorized as tagging (`fsx:CreateSnapshot` with `Tags`
 * needs `fsx:TagResource`; EC2 calls it `ec2:CreateTags`).
 */
function tagOnCreate(action: string): string[] {
  const [service, name] = action.toLowerCase().split(':');
  if (!service || !name?.startsWith('create')) return [];
  return service === 'ec2' ? ['ec2:createtags'] : [`${service}:tagresource`];
}
