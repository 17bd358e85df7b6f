/**
 * The kinds CloudFormation requires of the properties that rules read as switches or blocks, and
 * of the blocks and lists through which the loaders find a function's triggers: a literal of
 * another kind (`PubliclyAccessible: maybe`, `LogConfig: 42`, `Actions: lambda`) makes a template
 * AWS rejects, and leaves nothing to judge (a rule's setting, an entry point). Each one is a
 * warning at its line, so that the property's silence is not taken for a pass or for no way in. A
 * value known only at deploy time is not checked.
 *
 * Data, from the CloudFormation resource reference: the properties below are `Boolean`, an object
 * (a property type) or a `List` there.
 */
import type { DiagnosticSink } from '../../model/diagnostic.js';
import type { Resource } from '../../model/app-model.js';
import { isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { lookupTable } from '../../util/own-keys.js';

type Kind = 'boolean' | 'object' | 'list';

// A table without a prototype: a resource type named `constructor` finds nothing in it.
const PROPERTY_KINDS: Readonly<Record<string, ReadonlyArray<readonly [path: readonly string[], kind: Kind]>>> = lookupTable({
  'AWS::AmazonMQ::Broker': [
    [['PubliclyAccessible'], 'boolean'],
    [['Logs'], 'object'],
  ],
  'AWS::KMS::Key': [
    [['EnableKeyRotation'], 'boolean'],
    [['Enabled'], 'boolean'],
  ],
  'AWS::AppSync::GraphQLApi': [[['LogConfig'], 'object']],
  'AWS::ElastiCache::ReplicationGroup': [
    [['TransitEncryptionEnabled'], 'boolean'],
    [['AtRestEncryptionEnabled'], 'boolean'],
  ],
  'AWS::S3::Bucket': [
    [['PublicAccessBlockConfiguration'], 'object'],
    [['PublicAccessBlockConfiguration', 'BlockPublicAcls'], 'boolean'],
    [['PublicAccessBlockConfiguration', 'IgnorePublicAcls'], 'boolean'],
    [['PublicAccessBlockConfiguration', 'BlockPublicPolicy'], 'boolean'],
    [['PublicAccessBlockConfiguration', 'RestrictPublicBuckets'], 'boolean'],
  ],
  'AWS::SQS::Queue': [[['SqsManagedSseEnabled'], 'boolean']],
  'AWS::Cognito::IdentityPool': [[['AllowUnauthenticatedIdentities'], 'boolean']],
  'AWS::ApiGateway::Method': [[['ApiKeyRequired'], 'boolean']],
  'AWS::StepFunctions::StateMachine': [[['LoggingConfiguration'], 'object']],
  'AWS::Serverless::StateMachine': [[['Logging'], 'object']],
  // What the loaders read a function's triggers from (`event-links.ts`, `service-invoker-links.ts`).
  'AWS::SES::ReceiptRule': [
    [['Rule'], 'object'],
    [['Rule', 'Actions'], 'list'],
  ],
  'AWS::IoT::TopicRule': [
    [['TopicRulePayload'], 'object'],
    [['TopicRulePayload', 'Actions'], 'list'],
  ],
  'AWS::IoT::Authorizer': [[['SigningDisabled'], 'boolean']],
  'AWS::VpcLattice::TargetGroup': [[['Targets'], 'list']],
  'AWS::S3ObjectLambda::AccessPoint': [
    [['ObjectLambdaConfiguration'], 'object'],
    [['ObjectLambdaConfiguration', 'TransformationConfigurations'], 'list'],
  ],
  'AWS::Bedrock::Agent': [[['ActionGroups'], 'list']],
  'AWS::CodeCommit::Repository': [[['Triggers'], 'list']],
  'AWS::Transfer::Server': [[['IdentityProviderDetails'], 'object']],
});

export function checkPropertyKinds(resource: Resource, diagnostics: DiagnosticSink): void {
  for (const [path, kind] of PROPERTY_KINDS[resource.type] ?? []) {
    const value = valueAt(resource.properties, path);
    if (value === undefined || isKind(value, kind)) continue;
    const name = path.join('.');
    diagnostics.warning('property-kind', `${name} of ${resource.logicalId} is ${describe(value)}, not ${KIND_TEXT[kind]}: CloudFormation rejects the template, and ${name} is not judged`, resource.locate(...path));
  }
}

const KIND_TEXT: Readonly<Record<Kind, string>> = { boolean: 'true or false', object: 'a block of properties', list: 'a list' };

function valueAt(properties: ValueMap, path: readonly string[]): Value | undefined {
  let v: Value | undefined = properties;
  for (const key of path) v = isValueMap(v) ? v[key] : undefined;
  return v;
}

/** Only literals are judged: a reference, a parameter without a value or a computed text may be right. */
function isKind(v: Value, kind: Kind): boolean {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && !Array.isArray(v) && !isValueMap(v)) return true;
  if (kind === 'object') return isValueMap(v);
  if (kind === 'list') return Array.isArray(v);
  // CloudFormation takes the strings "true" and "false" for a Boolean as well.
  return typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v));
}

function describe(v: Value): string {
  if (Array.isArray(v)) return 'a list';
  if (isValueMap(v)) return 'a block of properties';
  return typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v) : String(v);
}
