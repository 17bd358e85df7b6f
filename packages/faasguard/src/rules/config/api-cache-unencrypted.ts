import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { asBoolean } from '../../model/value.js';
import { isPrivateApi, settingScope, settingsWith, stageKey, stagesOf, stageText } from '../monitoring/api-stages.js';

export const apiCacheUnencrypted: Rule = {
  meta: {
    id: 'api-cache-unencrypted',
    title: 'API response cache not encrypted',
    category: 'SAS-3',
    cwe: ['CWE-311'],
    severity: 'medium',
    description:
      "A REST API stage caches responses (`CachingEnabled: true` in `MethodSettings` or a Deployment's `StageDescription`) without `CacheDataEncrypted: true`. The cache holds the backend's answers (orders, profiles, tokens the backend returns) for their time to live, unencrypted at rest in the stage's cache cluster.\n\n" +
      'Severity: `medium` when the API is reachable from the internet, `low` for a private API. Encryption costs nothing and cannot be added to data already cached.',
    remediation: 'Set `CacheDataEncrypted: true` next to `CachingEnabled: true` in every method setting that caches, and do not cache responses that depend on the caller unless the cache key includes the caller\'s identity.',
    example: {
      language: 'yaml',
      vulnerable: 'MethodSettings:\n  - HttpMethod: GET\n    ResourcePath: /orders\n    CachingEnabled: true',
      fixed: 'MethodSettings:\n  - HttpMethod: GET\n    ResourcePath: /orders\n    CachingEnabled: true\n    CacheDataEncrypted: true',
    },
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html'],
    judges: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::Serverless::Api'],
    peerChecks: ['cfn-nag W87', 'KICS API Gateway Cache Encrypted Disabled'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const s of stagesOf(model)) {
      if (s.api.protocol !== 'rest') continue;
      // A value set by a parameter or a condition may be true: only a missing or false setting is reported.
      const clear = settingsWith(s.stage, (m) => m.cachingEnabled).filter((m) => m.cacheDataEncrypted === undefined || asBoolean(m.cacheDataEncrypted) === false);
      if (clear.length === 0) continue;
      const privateApi = isPrivateApi(s.api, model);
      results.push({
        message: `${stageText(s)} caches responses of ${clear.map(settingScope).join(', ')} without CacheDataEncrypted: the answers it keeps are stored unencrypted. Set CacheDataEncrypted: true.`,
        location: clear[0]!.loc,
        related: [{ loc: s.api.loc, message: `API ${nameOf(s.api)}` }],
        subject: subjectOf(s.api),
        key: stageKey(s),
        ...(privateApi ? { severity: 'low' as const } : {}),
      });
    }
    return results;
  },
};
