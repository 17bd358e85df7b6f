import { GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/**
 * An in-memory stand-in for DynamoDBClient: GetItem and PutItem with the
 * condition expressions the rate-limit store uses. Each call yields to the
 * event loop first, so concurrent callers interleave as they would over the network.
 */
export class FakeDynamoDB {
  readonly items = new Map<string, Item>();
  calls = { get: 0, put: 0, conflicts: 0 };

  async send(command: unknown): Promise<any> {
    await new Promise((resolve) => setImmediate(resolve));
    if (command instanceof GetItemCommand) return this.get(command);
    if (command instanceof PutItemCommand) return this.put(command);
    throw new Error(`FakeDynamoDB: unsupported command ${(command as object).constructor.name}`);
  }

  private get(command: GetItemCommand) {
    this.calls.get++;
    const key = Object.values(command.input.Key ?? {})[0]?.S ?? '';
    const item = this.items.get(key);
    return item ? { Item: structuredClone(item) } : {};
  }

  private put(command: PutItemCommand) {
    this.calls.put++;
    const input = command.input;
    const pkName = input.ExpressionAttributeNames?.['#pk'];
    const item = input.Item ?? {};
    const key = Object.entries(item).find(([name]) => name === (pkName ?? 'pk'))?.[1]?.S ?? item['pk']?.S ?? '';
    const current = this.items.get(key);
    const ok = (input.ConditionExpression ?? '').split(' AND ').every((clause) => this.holds(clause, current, input));
    if (!ok) {
      this.calls.conflicts++;
      throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    }
    this.items.set(key, structuredClone(item));
    return {};
  }

  /** The clauses the store writes; anything else fails, so an unexpected condition cannot pass silently. */
  private holds(clause: string, current: Item | undefined, input: PutItemCommand['input']): boolean {
    const values = input.ExpressionAttributeValues ?? {};
    switch (clause) {
      case 'attribute_not_exists(#pk)':
        return current === undefined;
      case '#v = :v':
        return current?.['v']?.N === values[':v']?.N;
      case '#ts <= :ts':
        return current !== undefined && Number(current['ts']?.N) <= Number(values[':ts']?.N);
      default:
        return false;
    }
  }
}
