import { Unknown, type Value } from '../../model/value.js';

/**
 * Pseudo parameters. Those that depend on where the stack is deployed are unknown unless the user
 * gives them with `--param AWS::Region=eu-west-1`.
 */
export function pseudoParameter(name: string, given: ReadonlyMap<string, string>): Value | undefined {
  const override = given.get(name);
  if (override !== undefined) return override;
  switch (name) {
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::AccountId':
    case 'AWS::Region':
    case 'AWS::StackName':
    case 'AWS::StackId':
    case 'AWS::NotificationARNs':
      return new Unknown(`pseudo parameter ${name} (known at deploy time)`, PLACEHOLDERS[name]);
    default:
      return undefined;
  }
}

/** How messages show a pseudo parameter known only at deploy time: `<stack>-orders`, not the reason. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  'AWS::AccountId': '<account>',
  'AWS::Region': '<region>',
  'AWS::StackName': '<stack>',
  'AWS::StackId': '<stack-id>',
  'AWS::NotificationARNs': '<notification-arns>',
};

export const NO_VALUE = 'AWS::NoValue';
