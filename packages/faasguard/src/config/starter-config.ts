/**
 * The configuration `faasguard init` writes: every option, commented out, each under a one-line
 * explanation. Uncommenting an option's lines gives a valid configuration (a test checks it).
 */

/** One option of the starter file: what it does, and an example of it. */
export interface StarterOption {
  explanation: string;
  /** YAML lines, written commented out */
  example: string[];
}

export const STARTER_OPTIONS: readonly StarterOption[] = [
  {
    explanation: 'Exit 1 when a finding is at or above this severity: critical, high, medium, low, info, or none (--fail-on wins).',
    example: ['failOn: high'],
  },
  {
    explanation: 'Exit 0 or 1 even when a template cannot be read or parsed (default: exit 2); the errors are still reported.',
    example: ['allowInputErrors: true'],
  },
  {
    explanation: "Turn a rule off, or give it another severity; 'faasguard rules' lists the rule ids.",
    example: ['rules:', '  function-without-tracing: off', '  iam-wildcard-action: critical'],
  },
  {
    explanation: 'Files not to scan (globs); .gitignore and node_modules are always skipped, --exclude adds more.',
    example: ['exclude:', '  - "test/**"', '  - "**/fixtures/**"'],
  },
  {
    explanation: 'Template parameter values, per template path or glob (--param wins for the same name).',
    example: ['parameters:', '  stacks/api.yaml:', '    Stage: prod', '  "**/*.yaml":', '    AWS::Region: eu-west-1'],
  },
  {
    explanation: 'Serverless Framework stage and region (--stage and --region win).',
    example: ['serverless:', '  stage: prod', '  region: eu-west-1'],
  },
  {
    explanation: "Vulnerability data: an OSV export (a directory or all.zip), and where 'faasguard db update' keeps its cache.",
    example: ['osv:', '  db: .osv/all.zip', '  cacheDir: .cache/faasguard'],
  },
];

/** The schema, relative to the configuration file, when faasguard is installed next to it. */
export const DEFAULT_SCHEMA_REF = 'node_modules/faasguard/schema/faasguard-config.schema.json';

/** `schemaRef`: where editors find the schema (yaml-language-server reads the first line), relative to the file or a URL. */
export function starterConfig(schemaRef: string = DEFAULT_SCHEMA_REF): string {
  const header = [
    `# yaml-language-server: $schema=${schemaRef}`,
    '# faasguard configuration.',
    '# faasguard scan, baseline, map and policy read it when they scan this directory or one below it',
    '# (up to the repository root). Paths are relative to this file. Command-line flags win over it.',
  ];
  const blocks = [header, ...STARTER_OPTIONS.map((o) => [`# ${o.explanation}`, ...o.example.map((line) => `# ${line}`)])];
  return blocks.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
