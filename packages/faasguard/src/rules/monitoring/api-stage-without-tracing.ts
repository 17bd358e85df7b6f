import { asBoolean, display } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { answersItself, isPrivateApi, stageKey, stageSettingsPlace, stagesOf, stageText, type StageOfApi } from './api-stages.js';
import type { AppModel } from '../../model/app-model.js';
import { sourceWords } from '../source-words.js';

export const apiStageWithoutTracing: Rule = {
  meta: {
    id: 'api-stage-without-tracing',
    title: 'REST API stage without X-Ray tracing',
    category: 'SAS-5',
    cwe: ['CWE-778'],
    severity: 'low',
    description:
      'A REST API stage does not set `TracingEnabled: true`. Requests that enter the application through it are not traced from the gateway on: when a route is probed or abused, an investigation cannot follow one request through the authorizer, the integration and the functions and services behind it, nor see where its time went.\n\n' +
      'Severity: `low` for an API reachable from the internet, `info` for a private one: tracing helps detection and forensics, its absence exposes nothing by itself. HTTP APIs do not support X-Ray and are not checked; nor is an API whose every route is a mock integration (there is nothing behind the gateway to follow), nor a stage whose setting comes from a parameter or condition.',
    remediation: 'Set `TracingEnabled: true` on the stage (`AWS::ApiGateway::Stage`, a Deployment\'s `StageDescription`, or `TracingEnabled` of a SAM `Api`, `Globals.Api` for every API), and `Tracing: Active` on the functions behind it.',
    example: { language: 'yaml', vulnerable: 'MyApi:\n  Type: AWS::Serverless::Api\n  Properties:\n    StageName: prod', fixed: 'MyApi:\n  Type: AWS::Serverless::Api\n  Properties:\n    StageName: prod\n    TracingEnabled: true' },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::Serverless::Api'],
    peerChecks: ['Checkov CKV_AWS_73', 'KICS API Gateway X-Ray Disabled', 'KICS Serverless API X-Ray Tracing Disabled'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const s of stagesOf(model)) {
      if (s.api.protocol !== 'rest' || answersItself(model, s.api)) continue;
      const tracing = s.stage.tracing;
      // A value chosen by a parameter or a condition may well be true.
      if (asBoolean(tracing) === true || (tracing !== undefined && asBoolean(tracing) === undefined)) continue;
      results.push({
        message: `${stageText(s)} has no X-Ray tracing: a request that abuses the API cannot be followed from the gateway to the services it reaches. ${tracingFix(model, s)}`,
        location: s.stage.loc,
        related: [{ loc: s.api.loc, message: `API ${nameOf(s.api)}` }],
        subject: subjectOf(s.api),
        key: stageKey(s),
        ...(isPrivateApi(s.api, model) ? { severity: 'info' as const } : {}),
      });
    }
    return results;
  },
};

/** The setting, where this stage takes it. */
function tracingFix(model: AppModel, s: StageOfApi): string {
  const place = stageSettingsPlace(model, s);
  if (sourceWords(s.stage.loc.file).terraform) {
    // A deployment's `stage_name` makes the stage with no setting of its own to turn on.
    if (place === 'deployment') return `Declare an aws_api_gateway_stage for ${display(s.stage.name)} with xray_tracing_enabled = true (the deployment's stage_name cannot set it).`;
    return 'Set xray_tracing_enabled = true on the stage.';
  }
  switch (place) {
    case 'globals':
      return "Set TracingEnabled: true under Globals: Api (SAM makes this API from the functions' Api events).";
    case 'provider':
      return 'Set tracing: { apiGateway: true } under provider.';
    case 'deployment':
      return "Set TracingEnabled: true in the deployment's StageDescription.";
    case 'stage':
      return 'Set TracingEnabled: true.';
  }
}
