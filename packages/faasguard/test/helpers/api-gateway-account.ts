/** The account's CloudWatch role for API Gateway, as a template sets it, indented to sit under `Resources:`. */
export const API_GATEWAY_ACCOUNT = '  Account:\n    Type: AWS::ApiGateway::Account\n    Properties:\n      CloudWatchRoleArn: arn:aws:iam::123456789012:role/apigw-logs\n';

/** What the fix of a REST or WebSocket stage's logging says of the account's CloudWatch role where no template sets one. */
export const ROLE = ' The account must also have a CloudWatch role for API Gateway (AWS::ApiGateway::Account with a CloudWatchRoleArn, once per account and region), which no template here sets: without it the stage update fails.';
