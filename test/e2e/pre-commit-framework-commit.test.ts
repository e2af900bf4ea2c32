import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, type YAMLMap } from 'yaml';
import { WATCHED_FILES_REGEX } from '../../src/init/watched-files.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, CLI, run, type RunResult, withoutTiming } from './helpers/dockguard-cli.js';
import { commit, head, makeDockguardOnPath, porcelainStatus } from './helpers/hook-env.js';
import { findPreCommit, skippedWithoutPreCommit } from './helpers/pre-commit-present.js';
import { applyProposedFixes, blockedApiReport, importBillingInApi, removeLine, SHOP } from './helpers/shop-scenario.js';

/**
 * A repository managed by the pre-commit framework, with the real `pre-commit`
 * on PATH (Debian 12's package is 3.0.4; .ci/run installs it). `dockguard init`
 * writes the dockguard entry with the stage names of that version. The entry
 * installs dockguard from npm (`language: node`), impossible for an unpublished
 * working tree and offline, so the test swaps only that for `language: system`
 * with `dockguard` on PATH; stages, files and serial run stay as init wrote
 * them. The framework itself (stage names it accepts, file filtering, stashing
 * unstaged changes, passing file names, exit codes, installing the hook types
 * init asks for, the pre-merge-commit hook) is the real one. The shipped
 * `language: node` hook is tested in pre-commit-shipped-hook.test.ts.
 */

const PRE_COMMIT_VERSION = findPreCommit();

let onPath: ReturnType<typeof makeDockguardOnPath>;
let env: NodeJS.ProcessEnv;
let preCommitHome: string;
let root: string;
let setup: RunResult;
let written: string;
let install: RunResult;

beforeAll(() => {
  if (PRE_COMMIT_VERSION === undefined) return;
  assertBuilt();
  onPath = makeDockguardOnPath();
  preCommitHome = mkdtempSync(path.join(tmpdir(), 'dockguard-pre-commit-home-'));
  env = { ...onPath.env, PRE_COMMIT_HOME: preCommitHome };
  root = makeFixtureRepo(SHOP);
  writeFileSync(path.join(root, '.pre-commit-config.yaml'), 'repos: []\n');
  git(root, 'add', '.pre-commit-config.yaml');
  git(root, 'commit', '-q', '-m', 'Adopt pre-commit');
  setup = run(process.execPath, [CLI, 'init'], root, env);
  written = readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8');
  writeFileSync(path.join(root, '.pre-commit-config.yaml'), toSystemHook(written));
  install = run('pre-commit', ['install'], root, env);
  if (install.code !== 0) throw new Error(`pre-commit install failed:\n${install.stdout}${install.stderr}`);
});
afterAll(() => {
  removeFixtureRepos();
  // Set only once beforeAll got that far; its own error is the one to read.
  if (onPath) rmSync(onPath.dir, { recursive: true, force: true });
  if (preCommitHome) rmSync(preCommitHome, { recursive: true, force: true });
});

/** The entry init wrote, installing dockguard from PATH instead of npm; everything else as written. */
function toSystemHook(config: string): string {
  const doc = parseDocument(config);
  const hook = doc.getIn(['repos', 0, 'hooks', 0]) as YAMLMap;
  hook.set('language', 'system');
  hook.delete('additional_dependencies');
  return doc.toString({ flowCollectionPadding: false });
}

/** Stage names as pre-commit spells them, read from its own constants (renamed in 3.2). */
function expectedStages(version: string): string[] {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 2) ? ['pre-commit', 'pre-merge-commit'] : ['commit', 'merge-commit'];
}

describe.skipIf(PRE_COMMIT_VERSION === undefined)(`the pre-commit framework running dockguard${skippedWithoutPreCommit(PRE_COMMIT_VERSION)}`, () => {
  it('dockguard init adds the dockguard entry with the stage names of the installed pre-commit, and the merge hook type', () => {
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    const stages = expectedStages(PRE_COMMIT_VERSION!);
    expect(setup.stdout).toContain('create dockguard.config.json (starter config with 3 service(s))\n');
    expect(setup.stdout).toContain('hooks run by the pre-commit framework (.pre-commit-config.yaml)');
    expect(setup.stdout).toContain(`pre-commit ${PRE_COMMIT_VERSION} found: stages written as ${stages.join(', ')}`);
    const config = parse(written) as { default_install_hook_types: string[]; repos: Array<{ repo: string; hooks: Array<Record<string, unknown>> }> };
    expect(config.default_install_hook_types).toEqual(['pre-commit', 'pre-merge-commit']);
    expect(config.repos[0]!.hooks[0]).toMatchObject({ id: 'dockguard', entry: 'dockguard check --staged', files: WATCHED_FILES_REGEX, stages });
    // `repos: []` became a block list: one key per line, as a person would write the entry.
    expect(written).toMatch(/^repos:\n {2}- repo: local\n {4}hooks:\n {6}- id: dockguard\n {8}name: dockguard\n {8}entry: dockguard check --staged\n {8}language: node\n/m);
    expect(install.stdout, 'plain `pre-commit install` installs both hooks').toBe(
      'pre-commit installed at .git/hooks/pre-commit\npre-commit installed at .git/hooks/pre-merge-commit\n',
    );
    const validate = run('pre-commit', ['validate-config'], root, env);
    expect(validate.stdout + validate.stderr).toBe('');
    expect(validate.code).toBe(0);
  });

  it('passes the set-up commit', () => {
    git(root, 'add', '-A');
    const result = commit(root, 'Set up dockguard', env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^dockguard\.+Passed$/m);
  });

  it('blocks the commit with the planted bug, with the same report and exit code as the other hooks', () => {
    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    writeFileSync(path.join(root, 'README.md'), '# Shop platform\n\nWork in progress, not staged.\n');
    const before = head(root);
    const blocked = commit(root, 'Preview invoices', env);
    expect(blocked.code).toBe(1);
    expect(withoutTiming(blocked.stderr)).toContain(`- hook id: dockguard\n- exit code: 1\n\n${blockedApiReport({ runner: 'pre-commit-framework' })}`);
    expect(head(root), 'nothing was committed').toBe(before);
    expect(porcelainStatus(root), 'pre-commit restores unstaged work').toBe(' M README.md\nM  services/api/app.py\n');

    const direct = run('pre-commit', ['run', 'dockguard'], root, env);
    expect(direct.code).toBe(1);
  });

  it('lets the commit through once the proposed fix is staged', () => {
    applyProposedFixes(root);
    git(root, 'add', 'services/api/Dockerfile');
    const allowed = commit(root, 'Preview invoices', env);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/^dockguard\.+Passed$/m);
    expect(git(root, 'show', '--name-only', '--format=%s', 'HEAD')).toBe('Preview invoices\n\nservices/api/Dockerfile\nservices/api/app.py\n');
  });

  it('changes nothing when init runs a second time', () => {
    git(root, 'checkout', '--', 'README.md');
    const again = run(process.execPath, [CLI, 'init'], root, env);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('dockguard is already set up: nothing to change');
    expect(porcelainStatus(root)).toBe('');
  });

  it('in a fresh clone of the set-up repository, init changes nothing, says so, and installs the git hooks', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'dockguard-teammate-'));
    try {
      git(tmpdir(), 'clone', '-q', root, clone);
      const onboard = run(process.execPath, [CLI, 'init'], clone, env);
      expect(onboard.stderr).toBe('');
      expect(onboard.code).toBe(0);
      expect(onboard.stdout).toMatch(
        /^dockguard is already set up in this repository; this clone needs its git hooks:\nrun pre-commit install \(this clone has no git hook yet: pre-commit installs the hook types \.pre-commit-config\.yaml names\)\n/,
      );
      expect(porcelainStatus(clone), 'nothing in the repository changed').toBe('');
      removeLine(clone, 'services/api/Dockerfile', 'COPY billing/ ./billing/');
      git(clone, 'add', 'services/api/Dockerfile');
      const blocked = commit(clone, 'Preview invoices', env);
      expect(blocked.code, 'the teammate\'s commit is checked').toBe(1);
      expect(blocked.stderr).toContain('- hook id: dockguard\n- exit code: 1\n');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('blocks a clean merge that brings the bug back, from the pre-merge-commit hook', () => {
    git(root, 'checkout', '-q', '-b', 'slim-image');
    removeLine(root, 'services/api/Dockerfile', 'COPY billing/ ./billing/');
    git(root, 'commit', '-q', '--no-verify', '-am', 'Slimmer api image');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, 'README.md'), '# Shop platform\n');
    git(root, 'add', 'README.md');
    expect(commit(root, 'Shorter README', env).code).toBe(0);
    const before = head(root);

    const merge = run('git', ['merge', '--no-edit', 'slim-image'], root, env);
    expect(merge.code).toBe(1);
    expect(withoutTiming(merge.stderr)).toContain(`- hook id: dockguard\n- exit code: 1\n\n${blockedApiReport({ runner: 'pre-commit-framework', merge: true })}`);
    expect(head(root), 'no merge commit was made').toBe(before);
    git(root, 'merge', '--abort');
  });
});
