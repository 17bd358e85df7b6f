/**
 * `terraform-aws-modules/lambda/aws` (versions 4 to 8): what its inputs create, as the module's
 * own resources and addresses. The defaults that matter for security are the module's: a role of
 * its own with a CloudWatch Logs policy, a log group that keeps logs forever unless
 * `cloudwatch_logs_retention_in_days` is set, and, when `create_lambda_function_url = true`, a
 * function URL whose `authorization_type` defaults to `NONE` (public).
 */
import type { TNode } from '../../../parse/tree.js';
import { jsonOrText } from '../functions.js';
import type { Translatable } from '../load-terraform.js';
import { scalar, textOf } from '../tree-values.js';
import { entriesOf, field, flag, getAtt, input, list, made, object, orDefault, ref, type ModuleCall } from './module-call.js';

const FN = 'aws_lambda_function.this[0]';
const ROLE = 'aws_iam_role.lambda[0]';
const LOGS = 'aws_cloudwatch_log_group.lambda[0]';
const URL = 'aws_lambda_function_url.this[0]';
const SOURCE_FILE = /\.(py|js|mjs|cjs|ts|rb)$/i;

export const lambdaModule = {
  name: 'terraform-aws-modules/lambda/aws',
  sources: [/^terraform-aws-modules\/lambda\/aws$/, /^(git::)?(https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-lambda(\.git)?(\?ref=.*)?$/],
  majors: [4, 8] as const,
  outputs,
  resources,
};

function outputs(call: ModuleCall): Map<string, TNode> {
  const arn = getAtt(call, FN, 'Arn');
  return new Map([
    ['lambda_function_arn', arn],
    ['lambda_function_arn_static', arn],
    ['lambda_function_invoke_arn', arn],
    ['lambda_function_qualified_arn', arn],
    ['lambda_function_qualified_invoke_arn', arn],
    ['lambda_function_name', ref(call, FN)],
    ['lambda_role_arn', getAtt(call, ROLE, 'Arn')],
    ['lambda_role_name', ref(call, ROLE)],
    ['lambda_function_url', getAtt(call, URL, 'FunctionUrl')],
    ['lambda_cloudwatch_log_group_name', ref(call, LOGS)],
    ['lambda_cloudwatch_log_group_arn', getAtt(call, LOGS, 'Arn')],
  ]);
}

function resources(call: ModuleCall): Translatable[] {
  if (flag(call, 'create', true) === false || flag(call, 'create_function', true) === false || flag(call, 'create_layer', false) === true) return [];
  const out: Translatable[] = [functionResource(call)];
  if (flag(call, 'use_existing_cloudwatch_log_group', false) === false) {
    out.push(made(call, 'aws_cloudwatch_log_group', LOGS, {
      name: logGroupName(call),
      retention_in_days: input(call, 'cloudwatch_logs_retention_in_days'),
      kms_key_id: input(call, 'cloudwatch_logs_kms_key_id'),
    }));
  }
  if (flag(call, 'create_role', true) !== false) out.push(roleResource(call));
  if (flag(call, 'create_lambda_function_url', false) === true) {
    const cors = input(call, 'cors');
    const asked = input(call, 'create_lambda_function_url')?.loc;
    out.push(made(call, 'aws_lambda_function_url', URL, {
      function_name: ref(call, FN),
      authorization_type: orDefault(call, 'authorization_type', 'NONE', asked),
      cors: cors && object(cors.loc, {
        allow_origins: field(cors, 'allow_origins'), allow_methods: field(cors, 'allow_methods'),
        allow_headers: field(cors, 'allow_headers'), allow_credentials: field(cors, 'allow_credentials'),
      }),
    }, asked));
  }
  out.push(...entriesOf(call, 'allowed_triggers').map((e) => made(call, 'aws_lambda_permission', `aws_lambda_permission.unqualified_alias_triggers[${JSON.stringify(e.key)}]`, {
    action: field(e.value, 'action') ?? scalar('lambda:InvokeFunction', e.keyLoc),
    function_name: ref(call, FN),
    principal: field(e.value, 'principal') ?? servicePrincipal(field(e.value, 'service'), e.keyLoc),
    source_arn: field(e.value, 'source_arn'),
    source_account: field(e.value, 'source_account'),
    principal_org_id: field(e.value, 'principal_org_id'),
  }, e.keyLoc)));
  out.push(...entriesOf(call, 'event_source_mapping').map((e) => made(call, 'aws_lambda_event_source_mapping', `aws_lambda_event_source_mapping.this[${JSON.stringify(e.key)}]`, {
    event_source_arn: field(e.value, 'event_source_arn'),
    function_name: ref(call, FN),
    batch_size: field(e.value, 'batch_size'),
    starting_position: field(e.value, 'starting_position'),
    maximum_retry_attempts: field(e.value, 'maximum_retry_attempts'),
    bisect_batch_on_function_error: field(e.value, 'bisect_batch_on_function_error'),
    destination_config: field(e.value, 'destination_arn_on_failure') && object(e.value.loc, { on_failure: object(e.value.loc, { destination_arn: field(e.value, 'destination_arn_on_failure') }) }),
  }, e.keyLoc)));
  if (flag(call, 'create_async_event_config', false) === true) out.push(asyncConfig(call));
  return out;
}

function functionResource(call: ModuleCall): Translatable {
  const vpcSubnets = input(call, 'vpc_subnet_ids');
  const dlq = input(call, 'dead_letter_target_arn');
  const tracing = input(call, 'tracing_mode');
  const env = input(call, 'environment_variables');
  const reserved = input(call, 'reserved_concurrent_executions');
  return made(call, 'aws_lambda_function', FN, {
    function_name: input(call, 'function_name'),
    handler: input(call, 'handler'),
    runtime: input(call, 'runtime'),
    timeout: input(call, 'timeout'),
    memory_size: input(call, 'memory_size'),
    kms_key_arn: input(call, 'kms_key_arn'),
    layers: input(call, 'layers'),
    // -1, the module's default, is "no reservation".
    reserved_concurrent_executions: reserved && textOf(reserved) !== '-1' ? reserved : undefined,
    role: flag(call, 'create_role', true) !== false ? getAtt(call, ROLE, 'Arn') : input(call, 'lambda_role'),
    environment: env && object(env.loc, { variables: env }),
    tracing_config: tracing && object(tracing.loc, { mode: tracing }),
    dead_letter_config: dlq && object(dlq.loc, { target_arn: dlq }),
    vpc_config: vpcSubnets && object(vpcSubnets.loc, { subnet_ids: vpcSubnets, security_group_ids: input(call, 'vpc_security_group_ids') }),
    filename: codePath(call),
  });
}

/**
 * The function's code: `source_path` (a folder or file, or a list whose first item is one or an
 * object with `path`), or a local package the module deploys as it is.
 */
function codePath(call: ModuleCall): TNode | undefined {
  const source = input(call, 'source_path');
  const first = source?.kind === 'seq' ? source.items[0] : source;
  const path = first?.kind === 'map' ? field(first, 'path') : first;
  if (path?.kind !== 'scalar' || typeof path.value !== 'string') return input(call, 'local_existing_package');
  // A single source file (`src/app.py`) is packed alone: its folder holds the code to read.
  return SOURCE_FILE.test(path.value) ? { ...path, value: path.value.slice(0, Math.max(0, path.value.lastIndexOf('/'))) || '.' } : path;
}

function logGroupName(call: ModuleCall): TNode | undefined {
  const name = textOf(input(call, 'function_name'));
  return name === undefined ? undefined : scalar(`/aws/lambda/${name}`, input(call, 'function_name')!.loc);
}

function servicePrincipal(service: TNode | undefined, loc: ModuleCall['loc']): TNode | undefined {
  const s = textOf(service);
  return s === undefined ? undefined : scalar(`${s}.amazonaws.com`, service?.loc ?? loc);
}

/** The module's role: trusted by Lambda (and `trusted_entities`), with the policies its `attach_*` inputs ask for. */
function roleResource(call: ModuleCall): Translatable {
  const loc = call.loc;
  const trusted = list(loc, [scalar('lambda.amazonaws.com', loc), ...itemsOf(input(call, 'trusted_entities'))]);
  const assume = document(call, [object(loc, { Effect: scalar('Allow', loc), Action: scalar('sts:AssumeRole', loc), Principal: object(loc, { Service: trusted }) })]);
  const inline: TNode[] = [];
  const managed: TNode[] = [];
  const logsArn = textOf(logGroupName(call));
  if (flag(call, 'attach_cloudwatch_logs_policy', true) !== false && logsArn !== undefined) {
    const resource = scalar(`arn:aws:logs:*:*:log-group:${logsArn}:*`, loc);
    inline.push(named(call, 'logs', document(call, [object(loc, { Effect: scalar('Allow', loc), Action: list(loc, [scalar('logs:CreateLogStream', loc), scalar('logs:PutLogEvents', loc)]), Resource: resource })])));
  }
  if (flag(call, 'attach_policy_json', false) === true) inline.push(named(call, 'policy_json', asDocument(input(call, 'policy_json'))));
  if (flag(call, 'attach_policy_jsons', false) === true) itemsOf(input(call, 'policy_jsons')).forEach((p, i) => inline.push(named(call, `policy_jsons_${i}`, asDocument(p))));
  if (flag(call, 'attach_policy_statements', false) === true) {
    const statements = entriesOf(call, 'policy_statements').map((e) => statement(e.value));
    inline.push(named(call, 'policy_statements', document(call, statements)));
  }
  if (flag(call, 'attach_policy', false) === true) managed.push(...itemsOf(input(call, 'policy')));
  if (flag(call, 'attach_policies', false) === true) managed.push(...itemsOf(input(call, 'policies')));
  if (flag(call, 'attach_tracing_policy', false) === true) managed.push(scalar('arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess', loc));
  if (flag(call, 'attach_network_policy', false) === true) managed.push(scalar('arn:aws:iam::aws:policy/service-role/AWSLambdaENIManagementAccess', loc));
  return made(call, 'aws_iam_role', ROLE, {
    name: input(call, 'role_name') ?? input(call, 'function_name'),
    assume_role_policy: assume,
    permissions_boundary: input(call, 'role_permissions_boundary'),
    managed_policy_arns: managed.length > 0 ? list(loc, managed) : undefined,
    inline_policy: inline.length > 0 ? list(loc, inline) : undefined,
  });
}

function itemsOf(v: TNode | undefined): TNode[] {
  if (!v) return [];
  return v.kind === 'seq' ? v.items : [v];
}

function document(call: ModuleCall, statements: TNode[]): TNode {
  return object(call.loc, { Version: scalar('2012-10-17', call.loc), Statement: list(call.loc, statements) });
}

function named(call: ModuleCall, name: string, policy: TNode | undefined): TNode {
  return object(policy?.loc ?? call.loc, { name: scalar(name, call.loc), policy });
}

/** A policy given as JSON text (a `file()` read, a heredoc) or as the document itself. */
function asDocument(v: TNode | undefined): TNode | undefined {
  return v?.kind === 'scalar' && typeof v.value === 'string' ? jsonOrText(v.value, v.loc) : v;
}

/** One of `policy_statements`: `{ effect, actions, resources, condition = [{ test, variable, values }] }`. */
function statement(v: TNode): TNode {
  const loc = v.loc;
  const conditions = itemsOf(field(v, 'condition'));
  const byTest = new Map<string, Array<[string, TNode]>>();
  for (const c of conditions) {
    const test = textOf(field(c, 'test'));
    const variable = textOf(field(c, 'variable'));
    const values = field(c, 'values');
    if (test === undefined || variable === undefined || !values) continue;
    byTest.set(test, [...(byTest.get(test) ?? []), [variable, values]]);
  }
  const condition = byTest.size > 0 ? object(loc, Object.fromEntries([...byTest].map(([t, vs]) => [t, object(loc, Object.fromEntries(vs))]))) : undefined;
  return object(loc, {
    Effect: field(v, 'effect') ?? scalar('Allow', loc),
    Action: field(v, 'actions'),
    NotAction: field(v, 'not_actions'),
    Resource: field(v, 'resources'),
    NotResource: field(v, 'not_resources'),
    Condition: condition,
  });
}

function asyncConfig(call: ModuleCall): Translatable {
  const failure = input(call, 'destination_on_failure');
  const success = input(call, 'destination_on_success');
  return made(call, 'aws_lambda_function_event_invoke_config', 'aws_lambda_function_event_invoke_config.this[0]', {
    function_name: ref(call, FN),
    maximum_retry_attempts: input(call, 'maximum_retry_attempts'),
    maximum_event_age_in_seconds: input(call, 'maximum_event_age_in_seconds'),
    destination_config: failure || success ? object(call.loc, {
      on_failure: failure && object(failure.loc, { destination: failure }),
      on_success: success && object(success.loc, { destination: success }),
    }) : undefined,
  });
}
