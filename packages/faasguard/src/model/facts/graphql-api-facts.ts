/**
 * An AppSync GraphQL API's authorization modes and the data sources its resolvers reach.
 *
 * The default mode (`AuthenticationType`, SAM's `Auth.Type`) applies to every field the schema does
 * not mark with another mode's directive (`@aws_iam`, `@aws_cognito_user_pools` …); the additional
 * providers apply only to the fields so marked. Data sources belong to the API that names them:
 * `AWS::AppSync::DataSource` resources whose `ApiId` refers to it, and SAM's `DataSources`.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { ModelIndex } from '../model-index.js';
import { pushTo } from '../../util/multimap.js';
import { asArray, asBoolean, asString, isValueMap, referencedResource, type Value, type ValueMap } from '../value.js';

export const GRAPHQL_API_TYPES: ReadonlySet<string> = new Set(['AWS::AppSync::GraphQLApi', 'AWS::Serverless::GraphQLApi']);

/** A data source of the API: what its resolvers read and change. */
export interface GraphqlDataSource {
  name: string;
  /** `AMAZON_DYNAMODB`, `AWS_LAMBDA`, `HTTP` … */
  type: string;
  /** The function or table of the model it refers to, when it refers to one */
  target?: Resource;
  /** Model id of the `AWS::AppSync::DataSource` resource (a SAM data source has none) */
  id?: string;
  /** Model id of the role it acts with (`ServiceRoleArn`), when it names one of the model */
  roleId?: string;
  loc: SourceLocation;
}

/** Typed view of an AppSync GraphQL API. */
export interface GraphqlApiFacts {
  resource: Resource;
  /** The default authorization mode (upper case); undefined when not a literal */
  defaultMode?: string;
  /** The additional providers' modes, as written (upper case) */
  additionalModes: string[];
  /** Where the default mode is written, else the API */
  defaultModeLoc: SourceLocation;
  dataSources: GraphqlDataSource[];
  /**
   * Whether the API writes logs to CloudWatch Logs: a `LogConfig` with the role AppSync writes them
   * with (CloudFormation, Terraform), or SAM's `Logging`, which SAM turns on unless it is `false`.
   * Undefined when known only at deploy time.
   */
  logging: boolean | undefined;
  /** Where logging is configured (or turned off), else the API */
  loggingLoc: SourceLocation;
}

export function graphqlApiFacts(resource: Resource, model: AppModel): GraphqlApiFacts | undefined {
  if (!GRAPHQL_API_TYPES.has(resource.type)) return undefined;
  const sam = resource.type === 'AWS::Serverless::GraphQLApi';
  const p = resource.properties;
  const auth = sam && isValueMap(p['Auth']) ? p['Auth'] : undefined;
  const mode = sam ? auth?.['Type'] : p['AuthenticationType'];
  const additional = sam ? asArray(auth?.['Additional']).map((a) => (isValueMap(a) ? a['Type'] : undefined)) : asArray(p['AdditionalAuthenticationProviders']).map((a) => (isValueMap(a) ? a['AuthenticationType'] : undefined));
  const defaultMode = asString(mode)?.toUpperCase();
  return {
    resource,
    ...(defaultMode !== undefined ? { defaultMode } : {}),
    additionalModes: additional.flatMap((m) => asString(m)?.toUpperCase() ?? []),
    defaultModeLoc: mode === undefined ? resource.loc : sam ? resource.locate('Auth', 'Type') : resource.locate('AuthenticationType'),
    dataSources: [...samDataSources(resource, model), ...dataSourceResources(resource, model)],
    logging: sam ? samLogging(p['Logging']) : logConfigured(p['LogConfig']),
    loggingLoc: p[sam ? 'Logging' : 'LogConfig'] !== undefined ? resource.locate(sam ? 'Logging' : 'LogConfig') : resource.loc,
  };
}

/** SAM generates a logging role and logs every field unless `Logging: false`. */
function samLogging(v: Value | undefined): boolean | undefined {
  if (v === undefined || isValueMap(v)) return true;
  return asBoolean(v);
}

/** AppSync writes logs only with the role `LogConfig` names. */
function logConfigured(v: Value | undefined): boolean | undefined {
  if (v === undefined) return false;
  if (!isValueMap(v)) return undefined;
  return v['CloudWatchLogsRoleArn'] !== undefined;
}

/** SAM's `DataSources: { DynamoDb: { Name: {...} }, Lambda: { Name: {...} } }`. */
function samDataSources(api: Resource, model: AppModel): GraphqlDataSource[] {
  const all = api.properties['DataSources'];
  if (!isValueMap(all)) return [];
  const kinds: Array<[string, string, string[]]> = [
    ['DynamoDb', 'AMAZON_DYNAMODB', ['TableArn', 'TableName']],
    ['Lambda', 'AWS_LAMBDA', ['FunctionArn']],
  ];
  return kinds.flatMap(([key, type, refs]) => {
    const group = all[key];
    if (!isValueMap(group)) return [];
    return Object.entries(group).map(([name, config]) => withTarget({ name, type, loc: api.locate('DataSources', key, name) }, isValueMap(config) ? refs.map((r) => config[r]) : [], model));
  });
}

/** `AWS::AppSync::DataSource` resources whose `ApiId` refers to the API. */
function dataSourceResources(api: Resource, model: AppModel): GraphqlDataSource[] {
  return (dataSourcesByApi(model).get(api.id) ?? [])
    .map((r) => {
      const p = r.properties;
      const name = asString(p['Name']) ?? r.logicalId;
      const type = asString(p['Type'])?.toUpperCase() ?? 'unknown';
      const roleId = referencedResource(p['ServiceRoleArn'])?.target;
      return withTarget({ name, type, id: r.id, ...(roleId !== undefined ? { roleId } : {}), loc: r.loc }, [config(p, 'LambdaConfig')?.['LambdaFunctionArn'], config(p, 'DynamoDBConfig')?.['TableName']], model);
    });
}

/** The model's data source resources by the id of the API they name, made once per model. */
const DATA_SOURCES = new WeakMap<AppModel, Map<string, Resource[]>>();

function dataSourcesByApi(model: AppModel): Map<string, Resource[]> {
  const known = DATA_SOURCES.get(model);
  if (known) return known;
  const byApi = new Map<string, Resource[]>();
  for (const r of model.resources) {
    const api = r.type === 'AWS::AppSync::DataSource' ? referencedResource(r.properties['ApiId'])?.target : undefined;
    if (api) pushTo(byApi, api, r);
  }
  DATA_SOURCES.set(model, byApi);
  return byApi;
}

function config(p: ValueMap, key: string): ValueMap | undefined {
  const v = p[key];
  return isValueMap(v) ? v : undefined;
}

function withTarget(source: GraphqlDataSource, refs: Array<Value | undefined>, model: AppModel): GraphqlDataSource {
  for (const ref of refs) {
    const id = referencedResource(ref)?.target;
    const target = id ? ModelIndex.of(model).resource(id) : undefined;
    if (target) return { ...source, target };
  }
  return source;
}
