/**
 * `AWS::Pipes::Pipe`: EventBridge Pipes reads a queue or stream and passes each batch to an
 * optional enrichment and then a target. A function in either place is invoked with the source's
 * records, so it is triggered by that source as it would be by an event source mapping: the
 * trigger takes the source's kind, and the stream's retry settings (which default to retrying
 * until the record expires, as a mapping's do).
 */
import { isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { kindOfSource } from './lambda-links.js';
import { prop, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

/** The source parameter blocks whose settings a trigger keeps, one per source service that has them. */
const SOURCE_PARAMETERS = ['SqsQueueParameters', 'KinesisStreamParameters', 'DynamoDBStreamParameters'];
const KEPT = ['BatchSize', 'StartingPosition', 'MaximumRetryAttempts', 'MaximumRecordAgeInSeconds', 'OnPartialBatchItemFailure'];

export function linkPipe(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  const source = prop(ctx, r, 'Source').value;
  const kind = kindOfSource(ctx, source);
  const sourceRes = ctx.builder.resourceOf(source);
  const details = sourceDetails(ctx, r);
  const invocation = prop(ctx, r, 'TargetParameters', 'LambdaFunctionParameters', 'InvocationType').value;
  const steps = [
    { key: 'Enrichment', asynchronous: false },
    { key: 'Target', asynchronous: invocation === 'FIRE_AND_FORGET' },
  ];
  for (const step of steps) {
    const at = prop(ctx, r, step.key);
    const fn = ctx.builder.functionOf(at.value);
    if (!fn) continue;
    ctx.builder.addTrigger({
      id: `${id}#${step.key.toLowerCase()}`,
      kind,
      functionId: fn.id,
      ...(sourceRes ? { sourceId: sourceRes.id } : {}),
      ...(source !== undefined ? { source } : {}),
      asynchronous: step.asynchronous,
      details: { ...details, pipe: r.logicalId },
      loc: at.loc,
    });
  }
}

function sourceDetails(ctx: LoadContext, r: TemplateResource): ValueMap {
  const out: ValueMap = {};
  for (const block of SOURCE_PARAMETERS) {
    const params: Value | undefined = prop(ctx, r, 'SourceParameters', block).value;
    if (!isValueMap(params)) continue;
    for (const key of KEPT) if (params[key] !== undefined) out[key] = params[key]!;
    const dlq = params['DeadLetterConfig'];
    // Where an event source mapping's facts look for it (see event-source-mapping-facts.ts).
    if (isValueMap(dlq) && dlq['Arn'] !== undefined) out['DestinationConfig'] = { OnFailure: { Destination: dlq['Arn']! } };
  }
  return out;
}
