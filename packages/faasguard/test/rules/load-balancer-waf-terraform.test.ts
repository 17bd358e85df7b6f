/**
 * `public-load-balancer-without-waf` on Terraform: `aws_lb` (internal = false), its security
 * group's `ingress` blocks and listener, and `aws_wafv2_web_acl_association` as the web ACL.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { publicLoadBalancerWithoutWaf } from '../../src/rules/dos/public-load-balancer-without-waf.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const MAIN = `resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "shop" {
  name               = "shop"
  internal           = false
  load_balancer_type = "application"
  security_groups    = [aws_security_group.web.id]
  subnets            = ["subnet-1", "subnet-2"]
}

resource "aws_lb_target_group" "web" {
  name        = "web"
  target_type = "ip"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = "vpc-1"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.shop.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
`;

const ACL = `
resource "aws_wafv2_web_acl_association" "shop" {
  resource_arn = aws_lb.shop.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop/abc"
}
`;

describe('public-load-balancer-without-waf on Terraform', () => {
  it('reports an internet-facing aws_lb open to every address, and not once a web ACL is associated', async () => {
    const open = await scan(project({ 'main.tf': MAIN }), { noCache: true, rules: [publicLoadBalancerWithoutWaf] });
    assert.deepEqual(open.findings.map((f) => [f.location.file, f.location.line, f.subject?.logicalId]), [['main.tf', 11, 'aws_lb.shop']]);
    assert.match(open.findings[0]!.message, /forwards requests from any address \(HTTPS on port 443\) to target group aws_lb_target_group\.web/);
    const guarded = await scan(project({ 'main.tf': MAIN + ACL }), { noCache: true, rules: [publicLoadBalancerWithoutWaf] });
    assert.deepEqual(guarded.findings, []);
  });
});
