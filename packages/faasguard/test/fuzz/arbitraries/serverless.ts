/**
 * Serverless Framework services whose values form a graph of variables: `${self:…}`, `${file(…)}`,
 * `${opt:…}`, `${env:…}` and the other sources, nested, with fallbacks, across files and in
 * cycles, some malformed; functions and events built from those values.
 */
import fc from 'fast-check';
import { applyDamage, damage, hostileKey, hostileString } from './hostile-text.js';
import { map, scalar, seq, toJson, toYaml, type Tree } from './yaml-tree.js';

const KEYS = ['k0', 'k1', 'k2', 'k3'] as const;

/** Options of the generator: families known to break the scan until their fix lands. */
export interface ServerlessOptions {
  /** Leave out `${file(…)}` naming a directory */
  noFileDirectories?: boolean;
  /** Leave out values that reference one key several times, which multiply when nested */
  noRepeatedReferences?: boolean;
  /** Leave out events whose type is `__proto__`, and prototype names as keys inside event properties */
  noPrototypeEvents?: boolean;
}

function fileNames(options: ServerlessOptions): string[] {
  const names = ['./vars.yml', './vars.json', 'vars.yml', './missing.yml', '../outside.yml', '/etc/hostname', './serverless.yml'];
  return options.noFileDirectories ? names : [...names, './sub', './sub/', '.'];
}

/** One variable reference; `inner` lets fallbacks and addresses nest. */
function reference(options: ServerlessOptions): fc.Arbitrary<string> {
  const { ref } = fc.letrec<{ ref: string }>((tie) => ({
    ref: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(...KEYS).map((k) => `\${self:custom.${k}}`),
      fc.tuple(fc.constantFrom(...fileNames(options)), fc.option(fc.constantFrom(...KEYS, 'custom', 'custom.k0', '__proto__'), { nil: undefined })).map(([f, k]) => (k === undefined ? `\${file(${f})}` : `\${file(${f}):${k}}`)),
      fc.constantFrom('${opt:stage}', '${opt:region, "us-east-1"}', '${env:FAASGUARD_FUZZ_VAR}', '${env:HOME}', '${sls:stage}', '${sls:instanceId}', '${param:p}', '${aws:region}', '${aws:accountId}', '${ssm:/x/y}', '${cf:stack.Out}', '${s3:bucket/key}', '${self:provider.stage}', '${self:}', '${self:__proto__}', '${self:custom.constructor.name}', '${strToBool(true)}', '${', '${self:custom.k1', '}', '${{}}', '${unknown:x}'),
      fc.tuple(fc.constantFrom(...KEYS), tie('ref')).map(([k, fallback]) => `\${self:custom.${k}, ${fallback}}`),
      fc.tuple(fc.constantFrom('opt:x', 'env:NOPE', 'self:custom.none'), tie('ref')).map(([src, fallback]) => `\${${src}, ${fallback}}`),
      fc.tuple(fc.constantFrom(...KEYS), tie('ref')).map(([k, address]) => `\${self:custom.${k}.${address}}`),
      hostileString.map((s) => `\${self:custom.none, ${JSON.stringify(s)}}`),
    ),
  }));
  return ref;
}

/** A value of the graph: literal text and references, or a nested object of them. */
function graphValue(options: ServerlessOptions, inEvent = false): fc.Arbitrary<Tree> {
  const key = inEvent && options.noPrototypeEvents ? fc.constantFrom(...KEYS, 'name') : hostileKey([...KEYS, 'name']);
  const text = fc.array(fc.oneof(hostileString, reference(options)), { minLength: 1, maxLength: 3 }).filter((parts) => !options.noRepeatedReferences || new Set(parts).size === parts.length).map((parts) => scalar(parts.join('')));
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, text), { maxLength: 3 }).map(map) },
    { weight: 1, arbitrary: fc.array(text, { maxLength: 2 }).map(seq) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map(scalar) },
  );
}

function eventTree(options: ServerlessOptions): fc.Arbitrary<Tree> {
  const value = graphValue(options, true);
  const prototypeEvent = value.map((v) => map([['__proto__', v]]));
  return fc.oneof(
    ...(options.noPrototypeEvents ? [] : [prototypeEvent]),
    fc.tuple(value, fc.constantFrom('get', 'post', 'any'), fc.option(fc.constantFrom('aws_iam', 'NONE'), { nil: undefined })).map(([path, method, auth]) => map([['http', map([['path', path], ['method', scalar(method)], ...(auth ? ([['authorizer', scalar(auth)]] as Array<[string, Tree]>) : [])])]])),
    value.map((path) => map([['httpApi', map([['path', path], ['method', scalar('*')]])]])),
    value.map((arn) => map([['sqs', arn]])),
    value.map((topic) => map([['sns', topic]])),
    value.map((bucket) => map([['s3', map([['bucket', bucket], ['event', scalar('s3:ObjectCreated:*')]])]])),
    value.map((rate) => map([['schedule', rate]])),
    value.map((route) => map([['websocket', map([['route', route]])]])),
    value.map((arn) => map([['stream', map([['type', scalar('dynamodb')], ['arn', arn]])]])),
  );
}

function functionTree(value: fc.Arbitrary<Tree>, options: ServerlessOptions): fc.Arbitrary<Tree> {
  return fc.record({
    handler: fc.oneof(fc.constantFrom('handler.main', 'src/app.handler', 'app.handler').map(scalar), value),
    events: fc.array(eventTree(options), { maxLength: 3 }),
    environment: fc.array(fc.tuple(hostileKey(['TABLE', 'API_KEY']), value), { maxLength: 2 }),
    url: fc.option(fc.constantFrom(scalar(true), map([['authorizer', scalar('aws_iam')]])), { nil: undefined }),
  }).map(({ handler, events, environment, url }) => map([['handler', handler], ['events', seq(events)], ['environment', map(environment)], ...(url ? ([['url', url]] as Array<[string, Tree]>) : [])]));
}

/** The files of one service: `serverless.yml` and the files its variables read. */
export function serverlessProject(options: ServerlessOptions = {}): fc.Arbitrary<Record<string, string>> {
  const value = graphValue(options);
  return fc
    .record({
      custom: fc.array(fc.tuple(hostileKey(KEYS), value), { maxLength: 5 }),
      provider: fc.record({ stage: value, runtime: fc.oneof(fc.constantFrom('nodejs20.x', 'python3.12').map(scalar), value), environment: fc.array(fc.tuple(hostileKey(['A', 'B']), value), { maxLength: 2 }) }),
      functions: fc.array(fc.tuple(hostileKey(['api', 'worker', 'other']), functionTree(value, options)), { minLength: 1, maxLength: 3 }),
      varsYml: fc.array(fc.tuple(hostileKey([...KEYS, 'custom']), value), { maxLength: 3 }),
      varsJson: fc.array(fc.tuple(hostileKey([...KEYS]), value), { maxLength: 3 }),
      resources: fc.option(value, { nil: undefined }),
      service: fc.oneof(fc.constant(scalar('fuzz')), value),
      damages: fc.tuple(damage, damage),
    })
    .map((s) => {
      const root = map([
        ['service', s.service],
        ['frameworkVersion', scalar('3')],
        ['provider', map([['name', scalar('aws')], ['runtime', s.provider.runtime], ['stage', s.provider.stage], ['environment', map(s.provider.environment)]])],
        ['custom', map(s.custom)],
        ['functions', map(s.functions)],
        ...(s.resources ? ([['resources', map([['Resources', map([['Extra', map([['Type', scalar('AWS::SQS::Queue')], ['Properties', map([['QueueName', s.resources]])]])]])]])]] as Array<[string, Tree]>) : []),
      ]);
      return {
        'serverless.yml': applyDamage(toYaml(root), s.damages[0]),
        'vars.yml': applyDamage(toYaml(map(s.varsYml)), s.damages[1]),
        'vars.json': toJson(map(s.varsJson)),
        'sub/inner.yml': 'k0: inner\n',
        'handler.js': 'exports.main = async () => ({});\n',
      };
    });
}
