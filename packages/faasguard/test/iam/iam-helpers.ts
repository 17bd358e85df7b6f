/** Small models for IAM tests. */
import { managedPolicyDocument } from '../../src/iam/managed-policies.js';
import { parsePlainPolicy } from '../../src/loaders/cloudformation/plain-policy.js';
import type { AppModel, AttachedPolicy, IamRole } from '../../src/model/app-model.js';
import type { SourceLocation } from '../../src/model/location.js';

const LOC: SourceLocation = { file: 'template.yaml', line: 1, column: 1 };

export function emptyModel(): AppModel {
  return { stacks: [], functions: [], triggers: [], apis: [], routes: [], resources: [], roles: [], permissions: [] };
}

/** A role with one inline policy of Allow statements, added to the model. */
export function roleWith(model: AppModel, name: string, statements: Array<Record<string, unknown>>, extra: AttachedPolicy[] = []): IamRole {
  const inline: AttachedPolicy = { name: 'inline', kind: 'inline', document: parsePlainPolicy({ Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) }, LOC), loc: LOC };
  const role: IamRole = { id: `template.yaml/${name}`, logicalId: name, stack: 'template.yaml', loc: LOC, policies: [inline, ...extra] };
  model.roles.push(role);
  return role;
}

export function awsManagedPolicyForTest(name: string): AttachedPolicy {
  const raw = managedPolicyDocument(name);
  if (raw === undefined) throw new Error(`no managed policy data for ${name}`);
  return { name, kind: 'aws-managed', arn: `arn:aws:iam::aws:policy/${name}`, document: parsePlainPolicy(raw, LOC), loc: LOC };
}
