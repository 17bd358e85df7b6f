import type { Api, Route } from '../../model/app-model.js';
import { routeBackends } from '../../model/facts/route-backends.js';
import { sourceWords } from '../source-words.js';
import { webAclProtectedApis } from '../../model/facts/web-acl-protected-apis.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { openRoutes } from './open-routes.js';
import { answeredFromCache } from '../../model/facts/route-cache.js';
import { routeName } from '../../model/route-name.js';

export const publicRestApiWithoutWaf: Rule = {
  meta: {
    id: 'public-rest-api-without-waf',
    title: 'Public REST API without a WAF web ACL',
    category: 'SAS-8',
    cwe: ['CWE-770', 'CWE-693'],
    severity: 'medium',
    description:
      'A REST API has routes anyone on the internet can call without authorization, and no `AWS::WAFv2::WebACLAssociation` in the template attaches a web ACL to it. Nothing then filters requests before they reach the functions: no per-IP rate-based rule against floods and scrapers, no managed rules against known bad inputs (SQL injection, path traversal, bad bots) and no IP reputation lists, so every malicious request runs, and is billed as, a function invocation (or a call of the AWS service or HTTP backend the route integrates).\n\n' +
      'A `GET` route whose every stage caches it for all callers (the cache cluster on, `CachingEnabled`, no path parameters and no cache keys) passes at most one request per time to live on, whatever is sent: it is not counted. ' +
      'Severity: `medium`: the API works without it, but the cheapest defence against abuse of unauthenticated routes is missing. HTTP APIs cannot use WAF and are not checked; put CloudFront with WAF in front of them if needed.',
    remediation:
      'Create an `AWS::WAFv2::WebACL` (scope `REGIONAL`) with a rate-based rule and the AWS managed rule groups that fit (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`, `AWSManagedRulesAmazonIpReputationList`), and attach it to the stage with `AWS::WAFv2::WebACLAssociation` (`ResourceArn: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${MyApi}/stages/${MyApiStage}`).',
    example: {
      language: 'yaml',
      vulnerable: 'MyApi:\n  Type: AWS::Serverless::Api\n  Properties:\n    StageName: prod',
      fixed: 'MyApiWaf:\n  Type: AWS::WAFv2::WebACLAssociation\n  Properties:\n    WebACLArn: !GetAtt ApiAcl.Arn\n    ResourceArn: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${MyApi}/stages/prod',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html', 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html'],
    judges: ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api', 'AWS::WAFv2::WebACLAssociation'],
    peerChecks: ['KICS API Gateway without WAF'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    const protectedIds = webAclProtectedApis(model);
    for (const api of model.apis) {
      // A web ACL of an API defined elsewhere is attached where the API is.
      if (api.protocol !== 'rest' || api.definedElsewhere || protectedIds.has(api.id)) continue;
      // A route whose stages' cache answers every call passes nothing on to flood or bill.
      const open = openRoutes(model, api).filter((r) => !answeredFromCache(r, api));
      if (open.length === 0) continue;
      // A method a template writes out and a SAM event that names it again are one route.
      const names = [...new Set(open.map((r) => routeName(r)))];
      results.push({
        message: `REST API ${nameOf(api)} has ${names.length} route${names.length > 1 ? 's' : ''} anyone can call (${names.slice(0, 3).join(', ')}${names.length > 3 ? ' …' : ''}) and no WAF web ACL: floods, scrapers and known attack payloads all reach ${reached(open, api)} and are billed. Attach a web ACL with a rate-based rule.`,
        location: api.loc,
        related: open.map((r) => ({ loc: r.auth.loc, message: `open route ${routeName(r)}` })),
        subject: subjectOf(api),
        key: [api.logicalId],
      });
    }
    return results;
  },
};

/** What the open routes hand requests to (see `routeBackends`). */
function reached(open: readonly Route[], api: Api): string {
  const backends = routeBackends(open);
  if (backends.functions) return backends.oneFunction ? 'the function' : 'the functions';
  if (backends.services.length > 0) return `the services the routes call (${backends.services.join(', ')})`;
  if (backends.http) return backends.oneHttpBackend ? 'its HTTP backend' : 'its HTTP backends';
  return backends.undeclared ? `the backends its routes are integrated with (set up outside the ${sourceWords(api.loc.file).app})` : 'the API';
}
