/**
 * Where the configuration is found: upward from the scanned directory, stopping at the repository
 * root; two configuration files in one directory are an error.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../src/config/config-error.js';
import { findConfigFile } from '../../src/config/find-config.js';
import { removeProject, tempProject, tempRepo, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

/** A project under a `.git` root, so that the search never leaves it. */
function repo(files: ProjectFiles): string {
  const dir = tempRepo(files);
  made.push(dir);
  return dir;
}

describe('findConfigFile', () => {
  it('finds the file in the scanned directory', () => {
    const dir = repo({ 'faasguard.config.json': '{}' });
    assert.equal(findConfigFile(dir), path.join(dir, 'faasguard.config.json'));
  });

  it('finds the nearest file above the scanned directory', () => {
    const dir = repo({ '.faasguard.yml': '', 'services/faasguard.config.yaml': '', 'services/api/src/index.js': '' });
    assert.equal(findConfigFile(path.join(dir, 'services/api/src')), path.join(dir, 'services/faasguard.config.yaml'));
    assert.equal(findConfigFile(path.join(dir, 'services')), path.join(dir, 'services/faasguard.config.yaml'));
  });

  it('stops at the repository root', () => {
    const dir = repo({ 'faasguard.config.yaml': '', 'nested/.git': 'gitdir: ../.git/worktrees/nested\n', 'nested/app/template.yaml': '' });
    assert.equal(findConfigFile(path.join(dir, 'nested/app')), undefined);
    assert.equal(findConfigFile(dir), path.join(dir, 'faasguard.config.yaml'));
  });

  it('refuses two configuration files in one directory', () => {
    const dir = repo({ 'faasguard.config.yaml': '', '.faasguard.yml': '' });
    assert.throws(() => findConfigFile(dir), (e: Error) => e instanceof ConfigError && /faasguard\.config\.yaml and .*\.faasguard\.yml: more than one configuration file in one directory; keep one$/.test(e.message));
  });
});
