/**
 * A Step Functions state machine's type and whether it logs its executions to CloudWatch Logs.
 *
 * A Standard workflow's execution history is recorded by Step Functions itself; an Express
 * workflow's is not, and exists only in the logs it is configured to send ("Express Workflows don't
 * record execution history in AWS Step Functions", Step Functions developer guide, Logging using
 * CloudWatch Logs). A state machine created by CloudFormation logs nothing unless told: the
 * level defaults to `OFF`.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asArray, asString, isValueMap, type Value } from '../value.js';

export const STATE_MACHINE_TYPES: ReadonlySet<string> = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/** Typed view of a state machine (CloudFormation, SAM, Terraform's `aws_sfn_state_machine`). */
export interface StateMachineFacts {
  resource: Resource;
  /** `STANDARD` (the default) or `EXPRESS`; undefined when not a literal */
  type?: string;
  /** Whether executions are logged to CloudWatch Logs (a level other than `OFF`, and a destination); undefined when known only at deploy time */
  logging: boolean | undefined;
  /** Where the logging configuration is written, else the state machine */
  loggingLoc: SourceLocation;
}

export function stateMachineFacts(resource: Resource): StateMachineFacts | undefined {
  if (!STATE_MACHINE_TYPES.has(resource.type)) return undefined;
  const sam = resource.type === 'AWS::Serverless::StateMachine';
  const p = resource.properties;
  const typeKey = sam ? 'Type' : 'StateMachineType';
  const loggingKey = sam ? 'Logging' : 'LoggingConfiguration';
  const type = p[typeKey] === undefined ? 'STANDARD' : asString(p[typeKey])?.toUpperCase();
  return {
    resource,
    ...(type !== undefined ? { type } : {}),
    logging: loggingOn(p[loggingKey]),
    loggingLoc: p[loggingKey] !== undefined ? resource.locate(loggingKey) : resource.loc,
  };
}

function loggingOn(config: Value | undefined): boolean | undefined {
  if (config === undefined) return false;
  if (!isValueMap(config)) return undefined;
  const level = config['Level'] === undefined ? 'OFF' : asString(config['Level'])?.toUpperCase();
  if (level === undefined) return undefined;
  return level !== 'OFF' && asArray(config['Destinations']).length > 0;
}
