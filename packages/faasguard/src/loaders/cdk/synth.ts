/**
 * CDK apps found by their `cdk.json`, and their cloud assembly. Scanning a CDK app means scanning
 * what it synthesizes; faasguard runs `npx cdk synth` only when the user asks (`--synth`), since
 * that executes the app's code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { readTextOrUndefined } from '../../files/read-regular-file.js';

/** A cdk.json is a few lines of settings. */
const MAX_CDK_JSON_BYTES = 1024 * 1024;

/** The assembly directory a CDK app writes to (`output` in cdk.json, else `cdk.out`), relative to the scan root. */
export function assemblyDirOf(rootAbs: string, cdkJsonRel: string): string {
  const appDir = path.posix.dirname(cdkJsonRel);
  let output = 'cdk.out';
  try {
    const config = JSON.parse(readTextOrUndefined(path.join(rootAbs, cdkJsonRel), MAX_CDK_JSON_BYTES) ?? '') as { output?: unknown };
    if (typeof config.output === 'string' && !config.output.includes('..')) output = config.output;
  } catch {
    // an unreadable cdk.json still names a CDK app; its default output is assumed
  }
  return path.posix.normalize(path.posix.join(appDir, output));
}

/** Node's own modules, loaded when used: every scan loads this module, few synthesize. */
const requireWhenUsed = createRequire(import.meta.url);

/** Runs `npx cdk synth` in the app's directory; the error message when it fails. */
export function synthesize(appDirAbs: string): string | undefined {
  const { execFileSync } = requireWhenUsed('node:child_process') as typeof import('node:child_process');
  try {
    execFileSync('npx', ['--no-install', 'cdk', 'synth', '--quiet'], { cwd: appDirAbs, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60 * 1000 });
    return undefined;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr ? stderr.split('\n').slice(-3).join(' ') : (e as Error).message;
  }
}
