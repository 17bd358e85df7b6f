/**
 * The fuzz input families: each one a generator of whole projects (file path → text) and the
 * number of cases CI runs for it. `fuzz.test.ts` runs them under `npm test`; `scripts/fuzz.mjs`
 * runs them for longer with a random seed (`npm run fuzz`).
 */
import fc from 'fast-check';
import type { ProjectFiles } from '../helpers/temp-project.js';
import { handlerCode, type HandlerCode } from './arbitraries/handlers.js';
import { lockfiles, type LockfileSet } from './arbitraries/lockfiles.js';
import { serverlessProject } from './arbitraries/serverless.js';
import { templateFile, type TemplateFile } from './arbitraries/templates.js';
import type { Waivers } from './scan-invariants.js';

export interface FuzzFamily {
  name: string;
  projects: fc.Arbitrary<ProjectFiles>;
  /** Cases under `npm test`: sized so that all families together take about a minute on CI */
  ciRuns: number;
  waivers: Waivers;
}

/**
 * Input families left out, or properties waived, while a known problem is being fixed, so that
 * the properties still guard everything else; none today (`${file()}` naming a directory and
 * prototype names as keys in serverless.yml events were, until they became diagnostics).
 */
export const KNOWN_PROBLEMS = {
  serverless: { noFileDirectories: false, noPrototypeEvents: false },
  waivers: {},
} as const;

/** A template whose one function runs the code of `src/`. */
function functionTemplate(runtime: string, handler: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: ${handler}
      Runtime: ${runtime}
      Policies:
        - S3CrudPolicy:
            BucketName: !Ref Bucket
      Environment:
        Variables:
          BUCKET: !Ref Bucket
      Events:
        Api:
          Type: Api
          Properties:
            Path: /{proxy+}
            Method: any
  Bucket:
    Type: AWS::S3::Bucket
`;
}

const NESTED = 'Resources:\n  Inner:\n    Type: AWS::SQS::Queue\n';

function templateProject(t: TemplateFile): ProjectFiles {
  return { [t.name]: t.text, 'src/app.js': 'exports.handler = async (event) => ({ body: event.body });\n', 'nested.yaml': NESTED };
}

function handlerProject(code: HandlerCode): ProjectFiles {
  const module = code.file.replace(/\.\w+$/, '');
  return { 'template.yaml': functionTemplate(code.runtime, `${module}.handler`), [`src/${code.file}`]: code.text };
}

function lockfileProject(set: LockfileSet): ProjectFiles {
  const files: ProjectFiles = { 'template.yaml': functionTemplate(set.runtime, 'app.handler') };
  files[set.runtime === 'python3.12' ? 'src/app.py' : 'src/app.js'] = set.runtime === 'python3.12' ? 'import requests\n\ndef handler(event, context):\n    return requests.get("https://example.invalid")\n' : "const _ = require('lodash');\nexports.handler = async () => _.identity(1);\n";
  for (const [name, text] of Object.entries(set.files)) files[`src/${name}`] = text;
  return files;
}

export function fuzzFamilies(): FuzzFamily[] {
  const waivers = KNOWN_PROBLEMS.waivers;
  return [
    { name: 'templates', projects: templateFile().map(templateProject), ciRuns: 700, waivers },
    { name: 'serverless variable graphs', projects: serverlessProject(KNOWN_PROBLEMS.serverless), ciRuns: 600, waivers },
    { name: 'lockfiles', projects: lockfiles.map(lockfileProject), ciRuns: 500, waivers },
    { name: 'handler code', projects: handlerCode.map(handlerProject), ciRuns: 500, waivers },
  ];
}
