/**
 * A nested stack written as a local file (`AWS::Serverless::Application` `Location: ./auth.yaml`,
 * `AWS::CloudFormation::Stack` `TemplateURL: nested/vpc.yaml` before `package`) is deployed with
 * the stack that nests it: it joins that stack's app, wherever its file lies (see `Stack.app`).
 */
import path from 'node:path';
import type { AppModel, Resource, Stack } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { PathGuard } from '../files/path-guard.js';
import { lookupTable } from '../util/own-keys.js';

const NESTING_PROPERTY: Readonly<Record<string, string>> = lookupTable({
  'AWS::Serverless::Application': 'Location',
  'AWS::CloudFormation::Stack': 'TemplateURL',
});

/**
 * Moves every nested stack (and what it nests in turn) into the app of its parent. A nested
 * template that leaves the scanned root (by its path or through a link) is reported, never joined.
 */
export function joinNestedStackApps(model: AppModel, guard?: PathGuard): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byFile = new Map(model.stacks.map((s) => [s.file, s]));
  const stacksById = new Map(model.stacks.map((s) => [s.id, s]));
  const children = new Map<Stack, Stack[]>();
  for (const r of model.resources) {
    const parent = stacksById.get(r.stack);
    const file = parent ? nestedFile(r, parent) : undefined;
    if (file !== undefined && guard?.resolve('.', file).kind === 'outside') {
      diagnostics.push(outsideRoot(r, file));
      continue;
    }
    const child = byFile.get(file ?? '');
    if (parent && child && child !== parent) children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const nested = new Set([...children.values()].flat());
  for (const top of model.stacks.filter((s) => !nested.has(s))) moveInto(top.app, top, children, new Set());
  return diagnostics;
}

function outsideRoot(r: Resource, file: string): Diagnostic {
  const property = NESTING_PROPERTY[r.type]!;
  return { severity: 'error', code: 'path-outside-project', message: `nested stack template ${file} is outside the scanned directory: not read`, loc: r.locate(property) };
}

function moveInto(app: string, stack: Stack, children: Map<Stack, Stack[]>, seen: Set<Stack>): void {
  if (seen.has(stack)) return;
  seen.add(stack);
  stack.app = app;
  for (const child of children.get(stack) ?? []) moveInto(app, child, children, seen);
}

/** The local template file a nesting resource names, relative to the scan root; undefined for a URL or an application of the Serverless Application Repository. */
function nestedFile(r: Resource, parent: Stack): string | undefined {
  const property = NESTING_PROPERTY[r.type];
  const location = property ? r.properties[property] : undefined;
  if (typeof location !== 'string' || /^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(parent.file), location));
}
