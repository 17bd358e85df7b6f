/**
 * One CloudFormation or SAM template into the model. Resources are loaded in two passes: first
 * the elements themselves (functions, roles, APIs, every resource's generic view), then the links
 * between them (permissions, event sources, routes), which need the elements to exist.
 */
import path from 'node:path';
import type { ModuleSource, StackFormat } from '../../model/app-model.js';
import { DiagnosticSink } from '../../model/diagnostic.js';
import { Unknown } from '../../model/value.js';
import type { TMap } from '../../parse/tree.js';
import type { ModelBuilder } from '../model-builder.js';
import { linkOpenApiRoutes } from '../openapi/routes.js';
import { loadSamApi } from '../sam/api.js';
import { linkConnector, linkEmbeddedConnectors } from '../sam/connectors.js';
import { linkSamEvents, linkSamStateMachineEvents } from '../sam/events.js';
import { dropEventRoutesThatMethodsMake } from '../sam/event-routes-on-plain-apis.js';
import { loadSamFunction } from '../sam/function.js';
import { withGlobals } from '../sam/globals.js';
import { registerSamImplicitIds } from '../sam/implicit-ids.js';
import { linkRestAuthorizer, linkRestDeploymentStage, linkRestMethod, linkRestStage, loadRestApi } from './apigateway-rest.js';
import { linkApiV2Authorizer, linkApiV2QuickCreate, linkApiV2Route, linkApiV2Stage, loadApiV2 } from './apigateway-v2.js';
import type { FileReader } from '../file-reader.js';
import { hasSamTransform } from './detect.js';
import { expandIncludes } from './include-transform.js';
import { linkPipe } from './pipe-links.js';
import { linkStateMachine } from './state-machine-links.js';
import { checkJsonTextContainers, checkJsonTextPolicy } from './json-text-properties.js';
import { linkAgentActionGroups, linkDistributionFunctions, linkFirehoseProcessors, linkIotAuthorizer, linkLatticeTargetGroup, linkObjectLambdaAccessPoint, linkTransferIdentityProvider } from './service-invoker-links.js';
import { linkCustomResource, linkEventRule, linkIotRule, linkSchedule, linkLogSubscription, linkRepositoryTriggers, linkSesReceiptRule, linkUserPoolTriggers } from './event-links.js';
import { isCustomResourceType } from '../../model/custom-resource-type.js';
import { linkPolicyToRoles, loadRole } from './iam.js';
import { Evaluator } from './intrinsics.js';
import { loadLambdaFunction } from './lambda-function.js';
import { linkLambdaTargetGroup } from './load-balancer-links.js';
import { linkAlias, linkEventInvokeConfig, linkEventSourceMapping, linkFunctionUrl, linkPermission } from './lambda-links.js';
import type { LoadContext } from './load-context.js';
import { checkReferenceCycles } from './reference-cycles.js';
import { loadResource } from './resource-facts.js';
import { linkAppSyncDataSource, linkAppSyncResolver, linkSamGraphqlApi } from './appsync-links.js';
import { linkBucketNotifications, linkBucketPolicy, linkEventBusOwnPolicy, linkEventBusPolicy, linkKeyPolicy, linkQueuePolicy, linkStreamPolicy, linkSubscription, linkTopicPolicy, linkTopicSubscriptions } from './storage-links.js';
import { stackExports } from './stack-exports.js';
import { Template, type TemplateResource } from './template.js';
import { lookupTable } from '../../util/own-keys.js';

export interface TemplateInput {
  root: TMap;
  /** Relative to the scan root */
  file: string;
  params: ReadonlyMap<string, string>;
  /** The format the template was written in, when it was translated from another (Serverless Framework, CDK) */
  format?: StackFormat;
  /** Plugins that may add resources at deploy time (a Serverless service's `plugins`) */
  resourcePlugins?: readonly string[];
  /** Logical ids a framework generates beyond the template's resources */
  generatedIds?: { ids: readonly string[]; patterns: readonly RegExp[] };
  /** The application the stack belongs to; the template's directory when not given (see `Stack.app`) */
  app?: string;
  /** Reads the files the template brings in (AWS::Include, OpenAPI definitions); without it they stay unknown */
  reader?: FileReader;
  /** Terraform: the downloaded module sources of the configuration (see `Stack.moduleSources`) */
  moduleSources?: readonly ModuleSource[];
}

type Step = (ctx: LoadContext, r: TemplateResource) => void;

/** Links that routes depend on (authorizers, stages) come before routes. */
const FIRST_LINKS: Readonly<Record<string, Step>> = lookupTable({
  'AWS::Lambda::Permission': linkPermission,
  'AWS::Lambda::Url': linkFunctionUrl,
  'AWS::Lambda::EventSourceMapping': linkEventSourceMapping,
  'AWS::Lambda::EventInvokeConfig': linkEventInvokeConfig,
  'AWS::ElasticLoadBalancingV2::TargetGroup': linkLambdaTargetGroup,
  'AWS::IAM::Policy': linkPolicyToRoles,
  'AWS::IAM::ManagedPolicy': linkPolicyToRoles,
  'AWS::S3::Bucket': linkBucketNotifications,
  'AWS::S3::BucketPolicy': linkBucketPolicy,
  'AWS::SNS::Topic': linkTopicSubscriptions,
  'AWS::SNS::TopicPolicy': linkTopicPolicy,
  'AWS::SNS::Subscription': linkSubscription,
  'AWS::SQS::QueuePolicy': linkQueuePolicy,
  'AWS::Events::EventBus': linkEventBusOwnPolicy,
  'AWS::Events::EventBusPolicy': linkEventBusPolicy,
  'AWS::Kinesis::ResourcePolicy': linkStreamPolicy,
  'AWS::KMS::Key': linkKeyPolicy,
  'AWS::ApiGateway::Authorizer': linkRestAuthorizer,
  'AWS::ApiGateway::Stage': linkRestStage,
  'AWS::ApiGateway::Deployment': linkRestDeploymentStage,
  'AWS::ApiGatewayV2::Authorizer': linkApiV2Authorizer,
  'AWS::ApiGatewayV2::Stage': linkApiV2Stage,
  'AWS::Events::Rule': linkEventRule,
  'AWS::IoT::TopicRule': linkIotRule,
  'AWS::SES::ReceiptRule': linkSesReceiptRule,
  'AWS::VpcLattice::TargetGroup': linkLatticeTargetGroup,
  'AWS::S3ObjectLambda::AccessPoint': linkObjectLambdaAccessPoint,
  'AWS::CloudFront::Distribution': linkDistributionFunctions,
  'AWS::KinesisFirehose::DeliveryStream': linkFirehoseProcessors,
  'AWS::IoT::Authorizer': linkIotAuthorizer,
  'AWS::Bedrock::Agent': linkAgentActionGroups,
  'AWS::Transfer::Server': linkTransferIdentityProvider,
  'AWS::CodeCommit::Repository': linkRepositoryTriggers,
  'AWS::Scheduler::Schedule': linkSchedule,
  'AWS::Pipes::Pipe': linkPipe,
  'AWS::StepFunctions::StateMachine': linkStateMachine,
  'AWS::Serverless::StateMachine': linkStateMachine,
  'AWS::Cognito::UserPool': linkUserPoolTriggers,
  'AWS::Logs::SubscriptionFilter': linkLogSubscription,
  'AWS::Serverless::Connector': linkConnector,
  'AWS::AppSync::DataSource': linkAppSyncDataSource,
  'AWS::Serverless::GraphQLApi': linkSamGraphqlApi,
  'AWS::AppSync::Resolver': linkAppSyncResolver,
  'AWS::AppSync::FunctionConfiguration': linkAppSyncResolver,
  'AWS::OpenSearchServerless::SecurityPolicy': checkJsonTextPolicy,
  'AWS::OpenSearchServerless::AccessPolicy': checkJsonTextPolicy,
  'AWS::ECS::TaskDefinition': checkJsonTextContainers,
  'AWS::Batch::JobDefinition': checkJsonTextContainers,
});

const ROUTE_LINKS: Readonly<Record<string, Step>> = lookupTable({
  'AWS::ApiGateway::Method': linkRestMethod,
  'AWS::ApiGatewayV2::Route': linkApiV2Route,
  'AWS::ApiGatewayV2::Api': linkApiV2QuickCreate,
  'AWS::Serverless::Function': linkSamEvents,
  'AWS::Serverless::StateMachine': linkSamStateMachineEvents,
});

/**
 * A template of SAM resources without SAM's `Transform`, which CloudFormation rejects
 * ("Unrecognized resource types"): a line lost in an edit, most likely. It is read as SAM, as its
 * author meant it, and a warning says what deploying it would do.
 */
function samWithoutTransform(template: Template, diagnostics: DiagnosticSink): boolean {
  const first = [...template.resources.values()].find((r) => r.type.startsWith('AWS::Serverless::'));
  if (!first) return false;
  diagnostics.warning('sam-transform-missing', `${first.logicalId} is an ${first.type}, but the template declares no Transform: AWS::Serverless-2016-10-31, so CloudFormation rejects it (unrecognized resource types); it is read as a SAM template`, first.loc);
  return true;
}

export function loadTemplate(input: TemplateInput, builder: ModelBuilder): DiagnosticSink {
  const diagnostics = new DiagnosticSink();
  const stackId = input.file;
  const root = expandIncludes(input.root, input.file, input.reader, diagnostics);
  const template = new Template(input.file, stackId, root, input.params, diagnostics);
  const sam = hasSamTransform(root) || (input.format === undefined && samWithoutTransform(template, diagnostics));
  if (sam) registerSamImplicitIds(template);
  template.resourcePlugins.push(...(input.resourcePlugins ?? []));
  for (const id of input.generatedIds?.ids ?? []) template.implicitIds.add(id);
  template.implicitIdPatterns.push(...(input.generatedIds?.patterns ?? []));
  const ctx: LoadContext = { template, ev: new Evaluator(template), builder, ...(input.reader ? { reader: input.reader } : {}) };
  builder.addStack({
    id: stackId,
    file: input.file,
    format: input.format ?? (sam ? 'sam' : 'cloudformation'),
    parameters: [...template.parameters.values()],
    loc: { file: input.file, line: 1, column: 1 },
    app: input.app ?? path.posix.dirname(input.file),
    exports: stackExports(ctx),
    ...(input.moduleSources && input.moduleSources.length > 0 ? { moduleSources: [...input.moduleSources] } : {}),
  });
  if (template.resources.size === 0 && input.format === undefined) reportEmpty(template, root);
  const resources = [...template.resources.values()].filter((r) => isCreated(ctx, r)).map((r) => (sam ? withGlobals(root, r) : r));
  for (const r of resources) loadElement(ctx, r);
  for (const r of resources) if (r.type === 'AWS::Lambda::Alias' || r.type === 'AWS::Lambda::Version') linkAlias(ctx, r);
  // After the functions and their aliases: a SAM API names its Lambda authorizers' functions, which may come after it in the template.
  for (const r of resources) if (r.type === 'AWS::Serverless::Api' || r.type === 'AWS::Serverless::HttpApi') ctx.builder.addApi(loadSamApi(ctx, r));
  for (const r of resources) (FIRST_LINKS[r.type] ?? (isCustomResourceType(r.type) ? linkCustomResource : undefined))?.(ctx, r);
  if (sam) for (const r of resources) linkEmbeddedConnectors(ctx, r);
  for (const r of resources) ROUTE_LINKS[r.type]?.(ctx, r);
  if (sam) dropEventRoutesThatMethodsMake(ctx);
  // After events: an operation that an event already routes is not routed again.
  for (const r of resources) linkOpenApiRoutes(ctx, r);
  // A Terraform module is translated with the resources that change another merged into it, which makes
  // references that Terraform's own graph does not have: its cycles are not CloudFormation's.
  if (input.format !== 'terraform') checkReferenceCycles(template);
  return diagnostics;
}

/** A skeleton (a starter template, a placeholder) is worth a note: nothing in it was scanned. */
function reportEmpty(template: Template, root: TMap): void {
  const section = root.entries.find((e) => e.key === 'Resources');
  const value = section?.value;
  const empty = value === undefined || (value.kind === 'scalar' && value.value === null) || (value.kind === 'map' && value.entries.length === 0);
  if (!empty) return;
  template.diagnostics.note('empty-template', 'template declares no resources: there is nothing in it to scan', section?.keyLoc ?? { file: template.file, line: 1, column: 1 });
}

function loadElement(ctx: LoadContext, r: TemplateResource): void {
  ctx.builder.addResource(loadResource(ctx, r));
  switch (r.type) {
    case 'AWS::Lambda::Function':
      return ctx.builder.addFunction(loadLambdaFunction(ctx, r));
    case 'AWS::Serverless::Function':
      return ctx.builder.addFunction(loadSamFunction(ctx, r));
    case 'AWS::IAM::Role':
      return ctx.builder.addRole(loadRole(ctx, r));
    case 'AWS::ApiGateway::RestApi':
      return ctx.builder.addApi(loadRestApi(ctx, r));
    case 'AWS::ApiGatewayV2::Api':
      return ctx.builder.addApi(loadApiV2(ctx, r));
  }
}

/** A resource whose Condition is false is not created; an unknown condition keeps it (it may be). */
function isCreated(ctx: LoadContext, r: TemplateResource): boolean {
  if (r.condition === undefined) return true;
  const truth = ctx.ev.condition(r.condition, r.node);
  return truth instanceof Unknown || truth;
}
