/**
 * Operations that take an IAM role for the service to act as, and require it: the caller passes
 * the role, which IAM authorizes as `iam:PassRole` on it besides the operation's own action (the
 * IAM User Guide, "Granting a user permissions to pass a role to an AWS service"). `iam:PassRole`
 * is never an API call of its own, so a function that makes one of these calls uses it.
 *
 * Only operations whose role parameter the API reference marks as required are listed: where it
 * is optional (CloudFormation's `RoleARN`, EventBridge targets' `RoleArn`, Textract's notification
 * channel) or comes with what the call names (the roles of the task definition ECS runs), the call
 * may pass none, and `iam:PassRole` is neither known used nor known missing (`caller-permissions.ts`).
 */
export const ROLE_PASSING_OPERATIONS: ReadonlySet<string> = new Set([
  // `Role`
  'mediaconvert:CreateJob',
  'lambda:CreateFunction',
  'glue:CreateJob',
  'glue:CreateCrawler',
  'elastictranscoder:CreatePipeline',
  // `roleArn`
  'states:CreateStateMachine',
  'bedrock:CreateModelCustomizationJob',
  // `serviceRole`
  'codebuild:CreateProject',
  // `Target.RoleArn`
  'scheduler:CreateSchedule',
  // `RoleArn`
  'sagemaker:CreateTrainingJob',
  'sagemaker:CreateProcessingJob',
  'rekognition:CreateStreamProcessor',
  // `DataAccessRoleArn`
  'transcribe:StartMedicalScribeJob',
  'comprehendmedical:StartEntitiesDetectionV2Job',
  'comprehendmedical:StartICD10CMInferenceJob',
  'comprehendmedical:StartPHIDetectionJob',
  'comprehendmedical:StartRxNormInferenceJob',
  'comprehendmedical:StartSNOMEDCTInferenceJob',
  'translate:StartTextTranslationJob',
  'comprehend:StartDocumentClassificationJob',
  'comprehend:StartDominantLanguageDetectionJob',
  'comprehend:StartEntitiesDetectionJob',
  'comprehend:StartKeyPhrasesDetectionJob',
  'comprehend:StartPiiEntitiesDetectionJob',
  'comprehend:StartSentimentDetectionJob',
  'comprehend:StartTopicsDetectionJob',
]);
