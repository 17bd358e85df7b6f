/** The listener's default action: forward to the target group. */
export const FORWARD_TO_TARGETS = `        - Type: forward
          TargetGroupArn: !Ref Targets`;

/**
 * A template of an Application Load Balancer whose listener forwards to a target group, and a
 * function: the shape the load balancer tests share. `actions`: the listener's default actions;
 * `more`: resources appended.
 */
export function loadBalancerApp(targetType: string, target: string, scheme = 'internet-facing', { actions = FORWARD_TO_TARGETS, more = '' }: { actions?: string; more?: string } = {}): string {
  return `Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: ${scheme}
      Subnets: [subnet-1, subnet-2]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Web
      Port: 80
      Protocol: HTTP
      DefaultActions:
${actions}
  Targets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      TargetType: ${targetType}
      Targets:
        - Id: ${target}
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/handler
      Code:
        ZipFile: 'exports.handler = async () => ({ statusCode: 200 });'
${more}`;
}
