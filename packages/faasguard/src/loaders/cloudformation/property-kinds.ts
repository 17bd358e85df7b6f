/**
 * The kinds CloudFormation requires of the properties that rules read as switches or blocks: a
 * literal of another kind (`PubliclyAccessible: maybe`, `LogConfig: 42`) makes a template AWS
 * rejects, and leaves the rule nothing to judge. Each one is a warning at its line, so that the
 * property's silence is not taken for a pass. A value known only at deploy time is not checked.
 *
 * Data, from the CloudFormation resource reference: the properties below are `Boolean` or an
 * object (a property type) there.
 */
import type { DiagnosticSink } from '../../model/diagnostic.js';
import type { Resource } from '../../model/app-model.js';
import { isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { lookupTable } from '../../util/own-keys.js';

type Kind = 'boolean' | 'object';

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
});

export function checkPropertyKinds(resource: Resource, diagnostics: DiagnosticSink): void {
  for (const [path, kind] of PROPERTY_KINDS[resource.type] ?? []) {
    const value = valueAt(resource.properties, path);
    if (value === undefined || isKind(value, kind)) continue;
    const name = path.join('.');
    diagnostics.warning('property-kind', `${name} of ${resource.logicalId} is ${describe(value)}, not ${kind === 'boolean' ? 'true or false' : 'a block of properties'}: CloudFormation rejects the template, and ${name} is not judged`, resource.locate(...path));
  }
}

function valueAt(properties: ValueMap, path: readonly string[]): Value | undefined {
  let v: Value | undefined = properties;
  for (const key of path) v = isValueMap(v) ? v[key] : undefined;
  return v;
}

/** Only literals are judged: a reference, a parameter without a value or a computed text may be right. */
function isKind(v: Value, kind: Kind): boolean {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && !Array.isArray(v) && !isValueMap(v)) return true;
  if (kind === 'object') return isValueMap(v);
  // CloudFormation takes the strings "true" and "false" for a Boolean as well.
  return typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v));
}

function describe(v: Value): string {
  if (Array.isArray(v)) return 'a list';
  if (isValueMap(v)) return 'a block of properties';
  return typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v) : String(v);
}
