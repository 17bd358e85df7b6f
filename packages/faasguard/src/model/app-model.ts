/**
 * The AppModel: one format-free picture of a serverless application.
 *
 * Loaders (CloudFormation/SAM today; Serverless Framework, CDK and Terraform later) translate their
 * format into this model, and nothing after the loaders knows which format an element came from.
 * Rules and analyses read only this model.
 *
 * Conventions:
 * - Every element has an `id` unique across the scan: `<stack id>/<logical id>` (a stack is one
 *   template file). Elements point at each other by id; `AppModel` has lookup helpers in `graph.ts`.
 * - Every element has a `loc`: the place a person would click to see it.
 * - Values come from intrinsic evaluation (see `value.ts`): what cannot be known is `Unknown`.
 */
import type { SourceLocation } from './location.js';
import type { Value, ValueMap } from './value.js';
import type { TriggerKind } from './trigger-kind.js';

export interface AppModel {
  /** Template files that were loaded, one stack each */
  stacks: Stack[];
  functions: LambdaFunction[];
  /** Every way an event reaches a function: API routes, Function URLs, event sources … */
  triggers: Trigger[];
  apis: Api[];
  routes: Route[];
  /** Every resource of every stack, functions and roles included (their generic view) */
  resources: Resource[];
  roles: IamRole[];
  /** Statements of Lambda functions' resource-based policies (AWS::Lambda::Permission and the ones SAM creates) */
  permissions: InvokePermission[];
}

export type StackFormat = 'cloudformation' | 'sam' | 'serverless' | 'cdk' | 'terraform';

export interface Stack {
  id: string;
  file: string;
  format: StackFormat;
  parameters: TemplateParameter[];
  loc: SourceLocation;
  /** The application the stack belongs to (see "Applications" below) */
  app: string;
  /** Outputs exported under a name other stacks import (`Export.Name` known at scan time) */
  exports: StackExport[];
  /**
   * Terraform: the module calls of the project's own configuration (the root module and the local
   * modules it calls) whose source `terraform init` downloads (a registry module, a Git repository,
   * an archive), in the order written; absent when there are none
   */
  moduleSources?: ModuleSource[];
}

/** A Terraform `module` block whose `source` is not a local folder. */
export interface ModuleSource {
  /** `module.events`, or a nested call's full path (`module.app.module.events`) */
  name: string;
  /** The `source` as written */
  source: string;
  /** The `version` constraint as written (registry modules), when set */
  version?: string;
  /** `version` is written as an expression (`var.events_version`), whose value this scan does not read */
  versionFromExpression?: true;
  loc: SourceLocation;
}

/**
 * Applications. A scanned directory may hold several independent projects side by side (a
 * repository of examples, a monorepo of services). Resources of one project are not reachable by
 * another's wildcard: a role allowed `sqs:SendMessage` on `*` is deployed with its own app and
 * reaches the queues of that account, which the scan cannot know to include a sibling project's.
 * Verdicts that join resources (chains, loops, shared roles) therefore join resources of one app,
 * or of two apps only through an explicit link: an `Fn::ImportValue` of the other's `Export`, or a
 * literal ARN or name that matches a resource of the other app.
 *
 * The app id is a directory relative to the scan root:
 * - a CloudFormation or SAM template belongs to the app of its directory: templates side by side
 *   are one app, templates in sibling or nested folders are apps of their own;
 * - a nested stack (`AWS::Serverless::Application` `Location`, `AWS::CloudFormation::Stack`
 *   `TemplateURL` naming a local file) belongs to the app of the stack that nests it;
 * - a Serverless Framework service is the app of its `serverless.yml` directory (its included
 *   files belong to it);
 * - a CDK cloud assembly is one app, named by the assembly directory: every stack of it, nested
 *   stacks and the assemblies of its stages included.
 */
export interface StackExport {
  /** `Export.Name`, evaluated */
  name: string;
  /** The output's `Value`, evaluated */
  value: Value;
  loc: SourceLocation;
}

export interface TemplateParameter {
  name: string;
  type: string;
  /** The value the scan used: from --param, from Default, or Unknown */
  value: Value;
  hasDefault: boolean;
  noEcho: boolean;
  loc: SourceLocation;
  /** Location of the Default value, when there is one */
  defaultLoc?: SourceLocation;
}

/** What every element shares. */
export interface ModelElement {
  id: string;
  /** Logical id in the template (or the name the format gives it) */
  logicalId: string;
  stack: string;
  loc: SourceLocation;
  /** CDK construct path, when the template says it (`aws:cdk:path` metadata) */
  constructPath?: string;
  /**
   * The name the project's own source gives the element, where the template's logical id is made
   * from it: a Serverless Framework function's key (`functions: hello:` becomes
   * `HelloLambdaFunction`). Findings name the element by it (see `element-name.ts`); the logical
   * id stays the element's identity.
   */
  declaredName?: string;
  /**
   * The values for which the element exists, when they are not known offline (a Terraform
   * resource with `count = var.create ? 1 : 0`): `var.create is true`. Findings about it say so.
   */
  onlyWhen?: string;
  /** The Terraform module calls that make the element, outermost first: findings about it show where each is written */
  calledFrom?: Array<{ module: string; loc: SourceLocation }>;
  /**
   * The Terraform registry module that makes the element (`terraform-aws-modules/lambda/aws`), from
   * the loader's summary of it: the element is written as the module call, whose inputs set it.
   */
  registryModule?: string;
}

/** The coarse kind of a resource, so rules need not know CloudFormation type names. */
export type ResourceKind =
  | 'function'
  | 'role'
  | 'policy'
  | 'bucket'
  | 'queue'
  | 'topic'
  | 'table'
  | 'stream'
  | 'api'
  | 'log-group'
  | 'alarm'
  | 'user-pool'
  | 'event-rule'
  | 'event-bus'
  | 'iot-rule'
  | 'web-acl'
  | 'kms-key'
  | 'state-machine'
  | 'other';

export interface Resource extends ModelElement {
  /** The CloudFormation type, e.g. `AWS::S3::Bucket` (SAM types keep their `AWS::Serverless::` name) */
  type: string;
  kind: ResourceKind;
  /** Properties after intrinsic evaluation. Prefer the typed facts below, or a facts view in `model/facts/`. */
  properties: ValueMap;
  /** Where a property is written (the deepest part of the path that exists; the resource itself when none does) */
  locate(...path: string[]): SourceLocation;
  /**
   * Resource-based policies that govern who may act on this resource (bucket, queue, topic, event
   * bus and stream policies, a KMS key's key policy). A policy resource (`AWS::S3::BucketPolicy`, `AWS::SQS::QueuePolicy` …)
   * holds its own document here too, so that a policy whose target is outside the template is still
   * judged (see `analysis/resource-policies.ts`).
   */
  policies: PolicyDocument[];
  /**
   * Identity policies the resource defines or carries: an `AWS::IAM::Policy`'s or
   * `AWS::IAM::ManagedPolicy`'s own document, an IAM user's or group's inline and managed policies.
   * Absent for other resources (roles keep theirs in `IamRole.policies`).
   */
  identityPolicies?: AttachedPolicy[];
  /** S3 canned ACL, when set */
  acl?: Value;
  /** S3 public access block, when set */
  publicAccessBlock?: PublicAccessBlock;
  /** Server-side encryption as configured on the resource */
  encryption?: EncryptionConfig;
  /** For a Step Functions state machine: the queues and topics of the model its tasks send to */
  sends?: StateMachineSend[];
  /** For a Step Functions state machine: the tasks that put, update or delete items of a table of the model */
  itemWrites?: StateMachineItemWrite[];
  /**
   * For a Step Functions state machine whose definition the scan read: true when no state uses its
   * input (only Pass, Wait for a fixed time, Succeed and Fail states), so what starts it reaches
   * nothing with the data it passes
   */
  ignoresInput?: boolean;
  /**
   * For an AppSync resolver or pipeline function (`AWS::AppSync::Resolver`,
   * `AWS::AppSync::FunctionConfiguration`), or the functions a SAM GraphQL API declares: the
   * DynamoDB operations their request code sends, where the scan read that code (inline, or in a
   * local file the template names)
   */
  graphqlOperations?: GraphqlOperation[];
  /** Last line of the resource's definition in `loc.file`, when the format tells: lines `loc.line` to it are inside the resource */
  endLine?: number;
  /** Findings the template accepts on this resource (`Metadata: faasguard: ignore:`); absent when it accepts none */
  accepted?: AcceptedFinding[];
}

/** A task of a state machine that sends to a queue or topic of the model (`sqs:sendMessage`, `sns:publish`). */
export interface StateMachineSend {
  /** Model id of the queue or topic */
  targetId: string;
  /** The task state's name */
  state: string;
  loc: SourceLocation;
}

/** What one AppSync resolver or pipeline function asks of its data source. */
export interface GraphqlOperation {
  /** `resolver` for a resolver of a field; `function` for a pipeline function */
  kind: 'resolver' | 'function';
  /** `Mutation.deleteNote` for a resolver; the pipeline function's name */
  name: string;
  /** Model id of the GraphQL API, when the model knows it */
  apiId?: string;
  /** The data source as written: a reference to an `AWS::AppSync::DataSource`, or its name */
  dataSource: Value;
  /** DynamoDB operations the request code may send (`PutItem`, `DeleteItem` …), sorted */
  operations: string[];
  /**
   * Every item it puts gets a new key (`util.autoId()`) or a condition that it does not exist
   * yet: its puts create items and replace none
   */
  createsOnly: boolean;
  loc: SourceLocation;
}

/** A task of a state machine that writes items of a DynamoDB table of the model (`dynamodb:putItem` …). */
export interface StateMachineItemWrite {
  /** Model id of the table */
  targetId: string;
  /** The task state's name */
  state: string;
  /** The DynamoDB operation: `PutItem`, `UpdateItem` or `DeleteItem` */
  operation: string;
  /** A put that makes a new key (`States.UUID()`, the execution's id) or asks that the item not be there yet: it replaces none */
  createsOnly?: boolean;
  loc: SourceLocation;
}

/**
 * One entry of a resource's `Metadata.faasguard.ignore`: a rule whose findings on the resource are
 * accepted, and why (CDK users write it with `addMetadata('faasguard', { ignore: [...] })`).
 */
export interface AcceptedFinding {
  /** The rule id as written */
  rule: string;
  /** Why the risk is accepted; absent when the entry gives none (it then accepts nothing and is reported) */
  reason?: string;
  /** Where the entry is written */
  loc: SourceLocation;
}

export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
  loc: SourceLocation;
}

export interface EncryptionConfig {
  enabled: boolean;
  /** Customer managed key, when one is named */
  kmsKey?: Value;
  loc: SourceLocation;
}

export interface LambdaFunction extends ModelElement {
  /** FunctionName, when set */
  name?: Value;
  runtime?: Value;
  handler?: Value;
  code: FunctionCode;
  memorySize?: Value;
  timeout?: Value;
  reservedConcurrency?: Value;
  /** Instances kept warm (SAM `ProvisionedConcurrencyConfig`, or an alias's): billed whether used or not */
  provisionedConcurrency?: Value;
  environment: EnvironmentVariable[];
  /** The execution role: a role of the model, or an external ARN */
  role?: RoleBinding;
  /** X-Ray tracing mode (`Active`, `PassThrough`) */
  tracing?: Value;
  /** Target of the dead-letter queue (SQS queue or SNS topic) */
  deadLetterTarget?: Value;
  layers: Value[];
  /** Customer managed key that encrypts the environment */
  kmsKeyArn?: Value;
  /** Its Function URLs: one unqualified, one per alias (`Qualifier`), each with its own auth */
  urls: FunctionUrl[];
  asyncConfig?: AsyncInvokeConfig;
  /** Whether the function is attached to a VPC */
  inVpc: boolean;
}

export interface FunctionCode {
  /** `archive`: a packed local file (`build/code.zip`) whose contents the scan does not read */
  kind: 'path' | 'inline' | 's3' | 'archive' | 'image' | 'unknown';
  /** For `path`: relative to the scan root (forward slashes) */
  path?: string;
  /** For `inline`: the code itself (ZipFile / InlineCode) */
  inline?: string;
  /** Sources a build step compiles (SAM esbuild `Metadata.BuildProperties.EntryPoints`), relative to `path` */
  entryPoints?: string[];
  /**
   * The bundler that packs the code with every package it imports into one artifact (`esbuild`,
   * `webpack`), when the format says: what it deploys follows the imports, not the manifest's groups.
   */
  bundler?: string;
  /**
   * A web application that a framework plugin serves in place of a handler file of the project's
   * own: serverless-wsgi's generated `wsgi_handler.handler` runs `custom.wsgi.app` (`app.app`,
   * module and attribute, relative to `path`). Its routes are the function's handlers.
   */
  webApp?: string;
  /**
   * The original sources the code was built from, relative to the scan root, when the format says
   * (a CDK asset's source maps): where a person reads the handler, beside `path` where it runs.
   */
  sourceFiles?: string[];
  loc?: SourceLocation;
}

export interface EnvironmentVariable {
  name: string;
  value: Value;
  loc: SourceLocation;
}

export interface RoleBinding {
  /** Model id of the role when the template defines it */
  roleId?: string;
  /** The role as written, when it is not a role of the model (an ARN, an import …) */
  arn?: Value;
  loc: SourceLocation;
}

export interface FunctionUrl {
  /** The `function-url` trigger this URL makes */
  triggerId: string;
  /** The alias or version it serves; absent for the unqualified function */
  qualifier?: Value;
  /** `NONE` (anyone on the internet, once the resource policy lets them: see `function-url-grants.ts`) or `AWS_IAM` */
  authType: Value;
  /** The format writes the resource policy a public URL needs itself (SAM's `FunctionUrlConfig`) */
  grantedByFormat?: boolean;
  cors?: Value;
  invokeMode?: Value;
  loc: SourceLocation;
}

export interface AsyncInvokeConfig {
  maxRetryAttempts?: Value;
  maxEventAgeSeconds?: Value;
  onFailure?: Value;
  onSuccess?: Value;
  loc: SourceLocation;
}

/** The guard's source name for the entry point (see trigger-kind.ts), or `unknown`. */
export type { TriggerKind } from './trigger-kind.js';

/** One way an event reaches a function. */
export interface Trigger {
  id: string;
  kind: TriggerKind;
  functionId: string;
  /** Model id of the resource that emits the events, when the template defines it */
  sourceId?: string;
  /** The source as written (ARN, reference …), when there is one */
  source?: Value;
  /** For an API Gateway kind (`apigw-rest`, `apigw-http`, `apigw-websocket`): the route */
  routeId?: string;
  /** Whether the service invokes the function asynchronously (S3, SNS, EventBridge …) */
  asynchronous: boolean;
  /** Event-specific facts (S3 event names and filters, SQS batch size, schedule expression …) */
  details: ValueMap;
  loc: SourceLocation;
}

export type ApiProtocol = 'rest' | 'http' | 'websocket';

export interface Api extends ModelElement {
  protocol: ApiProtocol;
  /** SAM's implicit `ServerlessRestApi` / `ServerlessHttpApi` */
  implicit: boolean;
  authorizers: Authorizer[];
  /** Name of the authorizer routes use unless they say otherwise */
  defaultAuthorizer?: string;
  apiKeyRequiredByDefault: boolean;
  stages: ApiStage[];
  cors?: Value;
  /** Resource policy of a REST API */
  resourcePolicy?: PolicyDocument;
  /** Whether the default execute-api endpoint is disabled */
  disableExecuteApiEndpoint: boolean;
  /** Regional, edge or private endpoint (REST) */
  endpointType?: Value;
  /**
   * For an API the template does not declare, whose methods, routes, stages or authorizers it adds
   * (`RestApiId: !ImportValue shared-api`, a parameter, a literal id): how the template names it.
   * Its own settings (endpoint type, resource policy, CORS, other routes and stages) are not known
   * here, so rules judge only what the template adds to it (see `model/api-defined-elsewhere.ts`).
   */
  definedElsewhere?: string;
  /**
   * The stage named `Stage` that SAM's transform deploys beside the declared one when a REST API
   * sets no `OpenApiVersion` (kept for backward compatibility): the API's Deployment names it, so it
   * serves every route with none of the declared stage's settings (no logs, throttling, tracing or
   * web ACL). Absent for every other API, and where the declared stage is itself named `Stage`.
   */
  samExtraStage?: { loc: SourceLocation };
}

export interface ApiStage {
  name: Value;
  /** Logical id of the resource that creates the stage (a Stage, a Deployment with a StageName), when it is not the API itself */
  resourceLogicalId?: string;
  /**
   * The `$default` stage API Gateway makes for an HTTP API's quick create (`Target` on the API),
   * which no stage resource declares: its settings are those an
   * `AWS::ApiGatewayV2::ApiGatewayManagedOverrides` of the API gives it (none: every default)
   */
  quickCreate?: true;
  accessLogDestination?: Value;
  /**
   * No destination, but the template writes one behind a condition that is false here (`AccessLogSetting:
   * !If [LogsOn, {…}, !Ref AWS::NoValue]`, with the parameter the condition reads at its default)
   */
  accessLogsSwitchedOff?: SettingSwitch;
  /** The access log line's format (`$context` variables), when the template writes one */
  accessLogFormat?: Value;
  throttling?: { burstLimit?: Value; rateLimit?: Value };
  /** `TracingEnabled` (REST): X-Ray tracing of the stage's requests */
  tracing?: Value;
  /**
   * Execution settings, per method (`MethodSettings` of a REST stage; a Deployment's `StageDescription`
   * and an HTTP or WebSocket stage's `DefaultRouteSettings` apply to every method, `*` `/*`)
   */
  methodSettings?: StageMethodSetting[];
  /** `CacheClusterEnabled` (REST): a response cache is provisioned for the stage */
  cacheClusterEnabled?: Value;
  /** `ClientCertificateId`: the certificate API Gateway presents to HTTP backends */
  clientCertificateId?: Value;
  loc: SourceLocation;
}

/**
 * A setting the template writes as `Fn::If [Condition, setting, AWS::NoValue]` whose condition is
 * false for this scan: off as deployed with these parameter values, on with others.
 */
export interface SettingSwitch {
  condition: string;
  /** The parameters the condition reads, with the values the scan used */
  parameters: Array<{ name: string; value: string; given: boolean }>;
  loc: SourceLocation;
}

/** One entry of a stage's execution settings; absent fields are API Gateway's defaults (off). */
export interface StageMethodSetting {
  /** `*` for every method */
  httpMethod?: Value;
  /** `/*` for every resource */
  resourcePath?: Value;
  /** `OFF`, `ERROR` or `INFO` */
  loggingLevel?: Value;
  /** Full request and response bodies written to the execution logs */
  dataTraceEnabled?: Value;
  cachingEnabled?: Value;
  /** `CacheTtlInSeconds`: how long a cached answer is served (300 when caching is on and it is not set; 0 caches nothing) */
  cacheTtlInSeconds?: Value;
  cacheDataEncrypted?: Value;
  /** `ThrottlingRateLimit` (requests a second) and `ThrottlingBurstLimit` of the methods it covers, when it sets them */
  throttling?: { burstLimit?: Value; rateLimit?: Value };
  loc: SourceLocation;
}

export type AuthorizerType = 'cognito' | 'jwt' | 'lambda' | 'iam';

export interface Authorizer {
  /** Name as routes refer to it (SAM authorizer name or logical id of the CloudFormation resource) */
  name: string;
  type: AuthorizerType;
  /** For a Lambda authorizer: the model id of its function */
  functionId?: string;
  /**
   * For a Lambda authorizer, what its function is sent: the caller's token alone (`TOKEN`: the
   * event holds `authorizationToken`), or the request's headers, query string and context
   * (`REQUEST`; every HTTP and WebSocket API authorizer); absent when the format does not say
   */
  payload?: 'token' | 'request';
  /** For Cognito: the user pool(s) */
  userPools?: Value[];
  loc: SourceLocation;
}

export type RouteAuthType = 'none' | 'iam' | 'cognito' | 'jwt' | 'lambda' | 'unknown';

export interface RouteAuth {
  type: RouteAuthType;
  /** Name of the authorizer used, when any */
  authorizer?: string;
  apiKeyRequired: boolean;
  /** Where the authorization (or its absence) is decided */
  loc: SourceLocation;
}

export interface Route extends ModelElement {
  apiId: string;
  /** HTTP method in upper case, `ANY`, or the WebSocket route key */
  method: string;
  path: string;
  functionId?: string;
  auth: RouteAuth;
  /** What the route hands requests to, when the format says (an OpenAPI definition's integration) */
  integration?: RouteIntegration;
  /** What API Gateway validates before the integration runs (REST APIs; WebSocket routes with request models), when the format says */
  requestValidation?: RequestValidation;
  /**
   * REST: whether the method's integration names cache key parameters (`CacheKeyParameters`, a SAM
   * event's `RequestParameters` with `Caching: true`), so that a stage's cache keeps an answer per
   * value; false when the format says it names none, absent when it does not say
   */
  cacheKeyed?: boolean;
}

/** A REST method's request validator and the parameters it declares required. */
export interface RequestValidation {
  /** The body is checked against the method's model */
  body: boolean;
  /** Required parameters (query strings, headers) are checked to be present */
  parameters: boolean;
  /** Query string and header parameters the method declares required (`method.request.querystring.id`) */
  requiredParameters: string[];
  /** Where the validator is named, or the method when it names none */
  loc: SourceLocation;
}

export type RouteIntegrationKind = 'lambda' | 'aws-service' | 'http' | 'mock' | 'unknown';

export interface RouteIntegration {
  kind: RouteIntegrationKind;
  /** For `aws-service`: the service as the integration names it (`sqs`, `sns`, `dynamodb`, `states`, `events` …) */
  service?: string;
  /** For `aws-service`: the API action its URI names (`…:dynamodb:action/Scan` → `Scan`), when it names one */
  action?: string;
  /** Model id of the resource the integration acts on (for `http`: the backend its URI names), when the template defines it */
  targetId?: string;
  /** For `http`: the backend is reached through a VPC link, inside a VPC, not over the internet */
  viaVpcLink?: boolean;
  /**
   * For `lambda`: false for a REST API's custom integration (`type: aws`), whose event is not the
   * proxy event but the request's body passed through, or what its request templates make of the
   * request; true for a proxy integration (`aws_proxy`); absent when the format does not say
   */
  proxy?: boolean;
  /** For a custom `lambda` integration: whether it has request templates */
  requestTemplates?: boolean;
  /**
   * For a DynamoDB integration: the item attributes every request template sets from API Gateway's
   * id of the request (`$context.requestId`, `$context.extendedRequestId`), new at each request, or
   * of a WebSocket connection (`$context.connectionId`), which only that connection's requests carry
   */
  requestIdAttributes?: string[];
  /**
   * For an `sns` integration that publishes: the phone number comes from the request (every request
   * template writes `PhoneNumber=` from `$input`, or the `PhoneNumber` parameter is the method
   * request's), so callers send SMS messages, billed per message, to numbers they choose
   */
  smsToCallerNumber?: boolean;
  /**
   * A REST API's custom integration (`AWS`, `HTTP`, not a proxy) with `PassthroughBehavior: NEVER`
   * and no request template: API Gateway answers every request 415 (Unsupported Media Type), and
   * nothing behind it is reached
   */
  rejectsEveryRequest?: boolean;
  loc: SourceLocation;
}

export interface IamRole extends ModelElement {
  /** Trust policy (AssumeRolePolicyDocument) */
  trust?: PolicyDocument;
  policies: AttachedPolicy[];
  /** Permissions boundary, when set */
  permissionsBoundary?: Value;
}

export type AttachedPolicyKind = 'inline' | 'aws-managed' | 'customer-managed' | 'sam-template' | 'sam-connector';

export interface AttachedPolicy {
  name: string;
  kind: AttachedPolicyKind;
  arn?: Value;
  /** The statements, when known (an AWS managed policy missing from the data has none) */
  document?: PolicyDocument;
  loc: SourceLocation;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  loc: SourceLocation;
}

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions: Value[];
  notActions: Value[];
  resources: Value[];
  notResources: Value[];
  principals: Principal[];
  notPrincipals: Principal[];
  conditions?: ValueMap;
  loc: SourceLocation;
}

export interface Principal {
  /** `*` stands for `"Principal": "*"` */
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  value: Value;
}

/** One statement of a function's resource-based policy. */
export interface InvokePermission extends ModelElement {
  /** Model id of the function, when the template defines it */
  functionId?: string;
  action: Value;
  principal: Value;
  sourceArn?: Value;
  sourceAccount?: Value;
  principalOrgId?: Value;
  functionUrlAuthType?: Value;
  /** The permission applies only to calls made through the function's URL (`InvokedViaFunctionUrl`) */
  viaFunctionUrl?: boolean;
}
