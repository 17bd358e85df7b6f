/**
 * The words of the log retention messages as the resource's source spells them (see
 * `source-words.ts`): the log group to declare and its retention property.
 */
import { sourceWords, type SourceWords } from '../source-words.js';

export interface LogRetentionWords extends SourceWords {
  group: string;
  retention: string;
}

/** `file`: where the resource is written, relative to the scan root. */
export function logRetentionWords(file: string): LogRetentionWords {
  const words = sourceWords(file);
  return words.terraform ? { ...words, group: 'an aws_cloudwatch_log_group', retention: 'retention_in_days' } : { ...words, group: 'the log group', retention: 'RetentionInDays' };
}
