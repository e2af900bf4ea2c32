import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, dockguard } from '../e2e/helpers/dockguard-cli.js';

/** `dockguard init` (the built CLI) never writes outside the repository and never fails with an internal error. */

const temps: string[] = [];
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder outside the repository, standing for someone else's files. */
function outside(): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'dockguard-outside-')));
  temps.push(dir);
  return dir;
}

describe('dockguard init writes only inside the repository', () => {
  it('refuses to write a hook through a dangling .git/hooks/pre-commit link that leaves the repository', () => {
    assertBuilt();
    const root = makeFixtureRepo('staged-monorepo');
    const elsewhere = outside();
    symlinkSync(path.join(elsewhere, 'pre-commit'), path.join(root, '.git/hooks/pre-commit'));
    const result = dockguard(root, 'init');
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `dockguard: .git/hooks/pre-commit is a symbolic link to ${elsewhere}/pre-commit, outside the repository; not writing through it (init would have done: create .git/hooks/pre-commit (git runs it before every commit))\n` +
        '  hint: remove the link (rm .git/hooks/pre-commit) or point it inside the repository, then run dockguard init again\n',
    );
    expect(result.code).toBe(2);
    expect(existsSync(path.join(elsewhere, 'pre-commit'))).toBe(false);
    expect(existsSync(path.join(root, 'dockguard.config.json')), 'a refusal changes nothing').toBe(false);
  });

  it('says precisely when a dangling hook link points into a folder that does not exist', () => {
    const root = makeFixtureRepo('staged-monorepo');
    symlinkSync('../../tools/hooks/pre-commit', path.join(root, '.git/hooks/pre-commit'));
    const result = dockguard(root, 'init');
    expect(result.stderr).toBe(
      `dockguard: .git/hooks/pre-commit is a symbolic link to ${realpathSync(root)}/tools/hooks/pre-commit, whose folder does not exist; init would have done: create .git/hooks/pre-commit (git runs it before every commit)\n` +
        '  hint: remove the link (rm .git/hooks/pre-commit) or create its folder, then run dockguard init again\n',
    );
    expect(result.code).toBe(2);
  });

  it('refuses to write the config through a tracked symlinked dockguard.config.json that leaves the repository', () => {
    const root = makeFixtureRepo('staged-monorepo', { commit: false });
    const elsewhere = outside();
    symlinkSync(path.join(elsewhere, 'dockguard.config.json'), path.join(root, 'dockguard.config.json'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'cloned with a symlinked config');
    const result = dockguard(root, 'init');
    expect(result.stderr).toContain(
      `dockguard: dockguard.config.json is a symbolic link to ${elsewhere}/dockguard.config.json, outside the repository; not writing through it (init would have done: create dockguard.config.json (starter config with 2 service(s)))\n`,
    );
    expect(result.code).toBe(2);
    expect(existsSync(path.join(elsewhere, 'dockguard.config.json'))).toBe(false);
    expect(existsSync(path.join(root, '.git/hooks/pre-commit')), 'a refusal changes nothing').toBe(false);
  });

  it('installs into a core.hooksPath outside the repository only with --force', () => {
    const root = makeFixtureRepo('staged-monorepo');
    const shared = outside();
    git(root, 'config', 'core.hooksPath', shared);
    const refused = dockguard(root, 'init');
    expect(refused.stderr).toBe(
      `dockguard: ${shared} is outside the repository (core.hooksPath; other repositories may use it); init would have done: create ${shared}/pre-commit (git runs it before every commit)\n` +
        '  hint: rerun with --force to install there anyway, or point core.hooksPath inside the repository (git config core.hooksPath .githooks)\n',
    );
    expect(refused.code).toBe(2);
    expect(existsSync(path.join(shared, 'pre-commit'))).toBe(false);

    const forced = dockguard(root, 'init', '--force');
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(shared, 'pre-commit'), 'utf8')).toContain('dockguard-hook');
  });

  it('says precisely when core.hooksPath names a file', () => {
    const root = makeFixtureRepo('staged-monorepo');
    mkdirSync(path.join(root, 'tools'));
    writeFileSync(path.join(root, 'tools/hooks'), '#!/bin/sh\n');
    git(root, 'config', 'core.hooksPath', 'tools/hooks');
    const result = dockguard(root, 'init');
    expect(result.stderr).toBe(
      'dockguard: core.hooksPath is tools/hooks, which is a file, not a folder: git cannot run hooks from it\n' +
        '  hint: point core.hooksPath at a folder (or unset it: git config --unset core.hooksPath), then run dockguard init again\n',
    );
    expect(result.code).toBe(2);
  });
});
