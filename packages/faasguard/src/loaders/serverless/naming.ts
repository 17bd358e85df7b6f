/**
 * The logical ids the Serverless Framework gives the resources it generates. `resources` in
 * serverless.yml refers to them by these names (`ApiGatewayRestApi`, `HelloLambdaFunction` …),
 * so they must match the framework's exactly.
 */

/** `my-fn_v2` → `MyDashfnUnderscorev2`: the framework's function-name normalization. */
export function normalizedFunctionName(name: string): string {
  return upperFirst(name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore'));
}

export function alphaNumeric(name: string): string {
  return upperFirst(name.replace(/[^0-9A-Za-z]/g, ''));
}

/** One path segment: `{id}` → `IdVar`, `my-items` → `MyDashitems`. */
export function normalizePathPart(part: string): string {
  const capitalized = part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
  return upperFirst(capitalized.replace(/-/g, 'Dash').replace(/\{(.*)\}/g, '$1Var').replace(/[^0-9A-Za-z]/g, ''));
}

export function normalizePath(resourcePath: string): string {
  return resourcePath.split('/').map(normalizePathPart).join('');
}

export const naming = {
  roleLogicalId: 'IamRoleLambdaExecution',
  deploymentBucket: 'ServerlessDeploymentBucket',
  deploymentBucketPolicy: 'ServerlessDeploymentBucketPolicy',
  restApi: 'ApiGatewayRestApi',
  restStage: 'ApiGatewayStage',
  restLogGroup: 'ApiGatewayLogGroup',
  usagePlan: 'ApiGatewayUsagePlan',
  httpApi: 'HttpApi',
  httpApiStage: 'HttpApiStage',
  httpApiLogGroup: 'HttpApiLogGroup',
  websocketsApi: 'WebsocketsApi',
  lambda: (fn: string) => `${normalizedFunctionName(fn)}LambdaFunction`,
  logGroup: (fn: string) => `${normalizedFunctionName(fn)}LogGroup`,
  layer: (name: string) => `${normalizedFunctionName(name)}LambdaLayer`,
  functionRole: (fn: string) => `${normalizedFunctionName(fn)}IamRoleLambdaExecution`,
  functionUrl: (fn: string) => `${normalizedFunctionName(fn)}LambdaFunctionUrl`,
  functionUrlPermission: (fn: string) => `${normalizedFunctionName(fn)}LambdaPermissionFnUrl`,
  eventInvokeConfig: (fn: string) => `${normalizedFunctionName(fn)}LambdaEvConf`,
  restResource: (path: string) => `ApiGatewayResource${normalizePath(path)}`,
  restMethod: (resourcePart: string, method: string) => `ApiGatewayMethod${resourcePart}${upperFirst(method.toLowerCase())}`,
  restAuthorizer: (name: string) => `${normalizedFunctionName(name)}ApiGatewayAuthorizer`,
  restPermission: (fn: string) => `${normalizedFunctionName(fn)}LambdaPermissionApiGateway`,
  apiKey: (n: number) => `ApiGatewayApiKey${n}`,
  usagePlanKey: (n: number) => `ApiGatewayUsagePlanKey${n}`,
  httpApiRoute: (routeKey: string) => `HttpApiRoute${routeKey === '*' ? 'Default' : routeKey.split(' ').map((p, i) => (i === 0 ? normalizePathPart(p) : normalizePath(p))).join('')}`,
  httpApiIntegration: (fn: string) => `HttpApiIntegration${normalizedFunctionName(fn)}`,
  httpApiAuthorizer: (name: string) => `HttpApiAuthorizer${alphaNumeric(name)}`,
  httpApiPermission: (fn: string) => `${normalizedFunctionName(fn)}LambdaPermissionHttpApi`,
  websocketsIntegration: (fn: string) => `${normalizedFunctionName(fn)}WebsocketsIntegration`,
  websocketsRoute: (routeKey: string) => `${alphaNumeric(routeKey)}WebsocketsRoute`,
  websocketsAuthorizer: (name: string) => `${normalizedFunctionName(name)}WebsocketsAuthorizer`,
  websocketsPermission: (fn: string) => `${normalizedFunctionName(fn)}LambdaPermissionWebsockets`,
  bucket: (name: string) => `S3Bucket${alphaNumeric(name)}`,
  s3Permission: (fn: string, bucket: string) => `${normalizedFunctionName(fn)}LambdaPermission${alphaNumeric(bucket)}S3`,
  topic: (name: string) => `SNSTopic${alphaNumeric(name)}`,
  snsSubscription: (fn: string, topic: string) => `${normalizedFunctionName(fn)}SnsSubscription${alphaNumeric(topic)}`,
  snsPermission: (fn: string, topic: string) => `${normalizedFunctionName(fn)}LambdaPermission${alphaNumeric(topic)}SNS`,
  eventSourceMapping: (fn: string, type: string, source: string) => `${normalizedFunctionName(fn)}EventSourceMapping${upperFirst(type)}${alphaNumeric(source)}`,
  schedule: (fn: string, n: number) => `${normalizedFunctionName(fn)}EventsRuleSchedule${n}`,
  eventBridgeRule: (fn: string, n: number) => `${normalizedFunctionName(fn)}EventBridgeRule${n}`,
  cloudWatchEventRule: (fn: string, n: number) => `${normalizedFunctionName(fn)}EventsRuleCloudWatchEvent${n}`,
  iotRule: (fn: string, n: number) => `${normalizedFunctionName(fn)}IotTopicRule${n}`,
  userPool: (pool: string) => `CognitoUserPool${alphaNumeric(pool)}`,
  logSubscription: (fn: string, n: number) => `${normalizedFunctionName(fn)}LogsSubscriptionFilterCloudWatchLog${n}`,
  permission: (fn: string, suffix: string) => `${normalizedFunctionName(fn)}LambdaPermission${suffix}`,
};

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
