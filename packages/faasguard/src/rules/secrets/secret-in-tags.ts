import type { Resource } from '../../model/app-model.js';
import { isValueMap, type Value } from '../../model/value.js';
import type { SourceLocation } from '../../model/location.js';
import { classifyNamedValue } from '../../secrets/index.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { confidenceSeverity, secretLabel } from './secret-text.js';

export const secretInTags: Rule = {
  meta: {
    id: 'secret-in-tags',
    title: 'Secret in a resource tag',
    category: 'SAS-7',
    cwe: ['CWE-798', 'CWE-312'],
    severity: 'high',
    description:
      'A resource tag holds a credential. Tags are not secret: they are readable by anyone with `tag:GetResources` or the service\'s describe permissions, copied into billing reports and Cost Explorer, and propagated to other resources.',
    remediation: 'Remove the tag and rotate the credential. Keep secrets in AWS Secrets Manager; a tag may name the secret, never hold it.',
    example: {
      language: 'yaml',
      vulnerable: 'Tags:\n  - Key: deploy-token\n    Value: glpat-…',
      fixed: 'Tags:\n  - Key: deploy-token-secret\n    Value: ci/deploy-token',
    },
    references: ['https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html'],
    judges: ['resource tags'],
  },
  check({ model }) {
    return model.resources.flatMap((r) => tagsOf(r).flatMap((t) => check(r, t)));
  },
};

interface Tag {
  key: string;
  value: Value | undefined;
  loc: SourceLocation;
}

/** CloudFormation writes tags as a list of Key/Value; SAM (and some resources) as a map. */
function tagsOf(r: Resource): Tag[] {
  const tags = r.properties['Tags'];
  if (isValueMap(tags)) return Object.entries(tags).map(([key, value]) => ({ key, value, loc: r.locate('Tags', key) }));
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((t, i) => (isValueMap(t) && typeof t['Key'] === 'string' ? [{ key: t['Key'], value: t['Value'], loc: r.locate('Tags', String(i), 'Value') }] : []));
}

function check(r: Resource, tag: Tag): RuleResult[] {
  if (typeof tag.value !== 'string') return [];
  const match = classifyNamedValue(tag.key, tag.value);
  if (!match) return [];
  const severity = confidenceSeverity(match);
  return [
    {
      message: `Tag ${tag.key} of ${r.logicalId} holds a secret: ${secretLabel(match)}. Tags are readable by anyone who can list or describe the resource. Remove it and rotate the credential.`,
      location: tag.loc,
      subject: subjectOf(r),
      key: [r.logicalId, tag.key],
      ...(severity ? { severity } : {}),
    },
  ];
}
