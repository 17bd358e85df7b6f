/**
 * The settings of an API Gateway stage, read alike wherever a stage is declared: an
 * `AWS::ApiGateway::Stage`, the `StageDescription` of an `AWS::ApiGateway::Deployment` that names a
 * stage, an `AWS::ApiGatewayV2::Stage`, or the properties (or Globals) of a SAM `Api`/`HttpApi`.
 */
import type { ApiProtocol, ApiStage, StageMethodSetting } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { isValueMap, type Value, type ValueMap } from '../../model/value.js';
import type { TNode } from '../../parse/tree.js';
import { get, items } from '../../parse/tree.js';
import type { Evaluator } from './intrinsics.js';

/** Where the stage's properties are written and how they are named. */
export interface StageSource {
  /** The map holding the stage's properties (absent: every setting is the default) */
  node: TNode | undefined;
  protocol: ApiProtocol;
  /** A Deployment's `StageDescription` writes the method settings of `*` `/*` beside `MethodSettings`, located here */
  stageWide?: SourceLocation;
  loc: SourceLocation;
}

type StageSettings = Omit<ApiStage, 'name' | 'resourceLogicalId'>;

export function stageSettings(ev: Evaluator, source: StageSource): StageSettings {
  const v = ev.value(source.node);
  const p: ValueMap = isValueMap(v) ? v : {};
  return source.protocol === 'rest' ? restSettings(ev, source, p) : v2Settings(ev, source, p);
}

function restSettings(ev: Evaluator, source: StageSource, p: ValueMap): StageSettings {
  const methodSettings = items(get(source.node, 'MethodSettings')).map((n) => methodSetting(ev.value(n), n.loc)).filter((s) => s !== undefined);
  if (source.stageWide) methodSettings.unshift(methodSetting({ ...p, HttpMethod: '*', ResourcePath: '/*' }, source.stageWide)!);
  const throttle = methodSettings.find((s) => s.throttling)?.throttling;
  return {
    accessLogDestination: destination(p['AccessLogSetting']),
    ...switchedOff(ev, source, p, 'AccessLogSetting'),
    accessLogFormat: format(p['AccessLogSetting']),
    throttling: throttle ?? {},
    tracing: p['TracingEnabled'],
    methodSettings,
    cacheClusterEnabled: p['CacheClusterEnabled'],
    clientCertificateId: p['ClientCertificateId'],
    loc: source.loc,
  };
}

/** HTTP and WebSocket stages: `DefaultRouteSettings` applies to every route. */
function v2Settings(ev: Evaluator, source: StageSource, p: ValueMap): StageSettings {
  const defaults = p['DefaultRouteSettings'];
  const node = get(source.node, 'DefaultRouteSettings');
  const setting = isValueMap(defaults) ? methodSetting({ ...defaults, HttpMethod: '*', ResourcePath: '/*' }, node?.loc ?? source.loc) : undefined;
  return {
    accessLogDestination: destination(p['AccessLogSettings']),
    ...switchedOff(ev, source, p, 'AccessLogSettings'),
    accessLogFormat: format(p['AccessLogSettings']),
    throttling: setting?.throttling ?? {},
    methodSettings: setting ? [setting] : [],
    clientCertificateId: p['ClientCertificateId'],
    loc: source.loc,
  };
}

/** Access logs the template writes behind a condition that is false here. */
function switchedOff(ev: Evaluator, source: StageSource, p: ValueMap, key: string): Pick<StageSettings, 'accessLogsSwitchedOff'> {
  if (destination(p[key]) !== undefined) return {};
  const found = ev.switchedOff(get(source.node, key));
  return found ? { accessLogsSwitchedOff: found } : {};
}

function destination(v: Value | undefined): Value | undefined {
  return isValueMap(v) ? v['DestinationArn'] : undefined;
}

function format(v: Value | undefined): Value | undefined {
  return isValueMap(v) ? v['Format'] : undefined;
}

function methodSetting(v: Value | undefined, loc: SourceLocation): StageMethodSetting | undefined {
  if (!isValueMap(v)) return undefined;
  const burst = v['ThrottlingBurstLimit'];
  const rate = v['ThrottlingRateLimit'];
  return {
    httpMethod: v['HttpMethod'],
    resourcePath: v['ResourcePath'],
    loggingLevel: v['LoggingLevel'],
    dataTraceEnabled: v['DataTraceEnabled'],
    cachingEnabled: v['CachingEnabled'],
    cacheTtlInSeconds: v['CacheTtlInSeconds'],
    cacheDataEncrypted: v['CacheDataEncrypted'],
    loc,
    ...(burst !== undefined || rate !== undefined ? { throttling: { burstLimit: burst, rateLimit: rate } } : {}),
  };
}
