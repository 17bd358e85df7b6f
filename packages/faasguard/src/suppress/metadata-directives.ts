/**
 * Directives from the model: the entries of each resource's `Metadata.faasguard.ignore`, as the
 * loaders carried them over. An entry covers the findings about its resource (whatever file they
 * point into: a function's code, its role's statements) and the findings located inside the
 * resource's definition.
 */
import type { AppModel, Resource } from '../model/app-model.js';
import { nameOf, subjectOf } from '../rules/subject.js';
import type { Directive, DirectiveScope } from './directive.js';

export function metadataDirectives(model: AppModel): Directive[] {
  return model.resources.flatMap((r) => (r.accepted ?? []).map((entry): Directive => ({
    kind: 'metadata',
    rules: [entry.rule],
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    loc: entry.loc,
    scope: resourceScope(r),
  })));
}

function resourceScope(r: Resource): DirectiveScope {
  return {
    file: r.loc.file,
    startLine: r.loc.line,
    endLine: r.endLine ?? r.loc.line,
    subject: subjectOf(r),
    description: `resource ${nameOf(r)}`,
    anchor: r.logicalId,
  };
}
