/**
 * Templates with bad values, shared by the library and command-line tests of hostile input.
 */

/** A template with one public route and no authorization: `api-route-without-auth` at `Events:` of `Open`. */
export const GOOD_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Open:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({ statusCode: 200 });"
      Events:
        Get:
          Type: Api
          Properties:
            Path: /open
            Method: get
`;

export const CIDR_WITH_MAP = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-1
      CidrBlock: !Select [0, !Cidr ["10.0.0.0/16", {toString: 1}, 8]]
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Cidr {valueOf: 2}
`;

export const EQUALS_WITH_MAP = `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  Odd: !Equals [{toString: 1}, x]
  Odder: !Equals {constructor: 1}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Condition: Odd
  Other:
    Type: AWS::SQS::Queue
    Condition: Odder
`;

/** Object.prototype's names where a template puts keys: event names, types and properties. */
export const PROTOTYPE_KEYS = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  constructor:
    Type: toString
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: x
      Events:
        __proto__:
          Type: Api
          Properties:
            Path: /proto
            Method: get
            __proto__: {Auth: {Authorizer: AWS_IAM}}
            toString: 1
            constructor: 2
        Odd:
          Type: toString
          Properties:
            Path: !Sub "\${toString}"
        Odder:
          Type: __proto__
`;

export const SERVERLESS_PROTOTYPE_KEYS = `service: svc
provider:
  name: aws
  runtime: nodejs20.x
functions:
  hello:
    handler: handler.hello
    events:
      - toString: {}
      - __proto__: {}
      - http:
          path: /hello
          method: get
          __proto__: {private: true}
          toString: 1
`;
