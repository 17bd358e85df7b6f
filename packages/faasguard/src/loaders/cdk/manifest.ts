/**
 * The cloud assembly manifest (`cdk.out/manifest.json`): which templates are stacks. Only
 * artifacts of type `aws:cloudformation:stack` are; assets, trees and reports are not.
 */
export interface AssemblyStack {
  /** Artifact id (the stack's name in the app) */
  id: string;
  /** Template file, relative to the assembly directory */
  templateFile: string;
}

export function stacksOfManifest(json: unknown): AssemblyStack[] | undefined {
  if (!isRecord(json) || !isRecord(json['artifacts'])) return undefined;
  const out: AssemblyStack[] = [];
  for (const [id, artifact] of Object.entries(json['artifacts'])) {
    if (!isRecord(artifact) || artifact['type'] !== 'aws:cloudformation:stack') continue;
    const props = artifact['properties'];
    const templateFile = isRecord(props) ? props['templateFile'] : undefined;
    if (typeof templateFile === 'string') out.push({ id, templateFile });
  }
  return out;
}

/** Nested cloud assemblies (CDK Stages) have their own manifest in a sub-directory. */
export function nestedAssemblies(json: unknown): string[] {
  if (!isRecord(json) || !isRecord(json['artifacts'])) return [];
  const out: string[] = [];
  for (const artifact of Object.values(json['artifacts'])) {
    if (!isRecord(artifact) || artifact['type'] !== 'cdk:cloud-assembly') continue;
    const props = artifact['properties'];
    const dir = isRecord(props) ? props['directoryName'] : undefined;
    if (typeof dir === 'string') out.push(dir);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
