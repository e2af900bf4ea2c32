import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { WATCHED_FILES_REGEX } from '../../src/init/watched-files.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, CLI, run, type RunResult, withoutTiming } from './helpers/dockguard-cli.js';
import { commit, head, makeDockguardOnPath, porcelainStatus } from './helpers/hook-env.js';
import { applyProposedFixes, blockedApiReport, importBillingInApi, removeLine, SHOP } from './helpers/shop-scenario.js';

/**
 * A repository managed by the pre-commit framework (the Debian `pre-commit`
 * package; .ci/run installs it). The shipped hook is `language: node`, which
 * makes pre-commit build a Node environment and install dockguard from the
 * registry, impossible for an unpublished working tree and offline. So the
 * repository declares a `repo: local`, `language: system` hook with the same
 * id, entry, files and serial run; `dockguard` comes from PATH. It sets no
 * `stages` (so it runs at every hook type): the Debian package is pre-commit
 * 3.0, older than the stage names init writes (3.2). The framework itself
 * (file filtering, stashing unstaged changes, passing file names, exit codes,
 * installing the hook types init asks for, the pre-merge-commit hook) is the real one.
 */

const PRE_COMMIT_CONFIG = stringify({
  repos: [
    {
      repo: 'local',
      hooks: [
        { id: 'dockguard', name: 'dockguard', entry: 'dockguard check --staged', language: 'system', files: WATCHED_FILES_REGEX, require_serial: true },
      ],
    },
  ],
});

let onPath: ReturnType<typeof makeDockguardOnPath>;
let env: NodeJS.ProcessEnv;
let preCommitHome: string;
let root: string;
let setup: RunResult;
let install: RunResult;

beforeAll(() => {
  assertBuilt();
  const version = run('pre-commit', ['--version'], tmpdir());
  if (version.code !== 0) throw new Error('pre-commit is not installed (apt-get install -y pre-commit; .ci/run does it on CI)');
  onPath = makeDockguardOnPath();
  preCommitHome = mkdtempSync(path.join(tmpdir(), 'dockguard-pre-commit-home-'));
  env = { ...onPath.env, PRE_COMMIT_HOME: preCommitHome };
  root = makeFixtureRepo(SHOP);
  writeFileSync(path.join(root, '.pre-commit-config.yaml'), PRE_COMMIT_CONFIG);
  setup = run(process.execPath, [CLI, 'init'], root, env);
  install = run('pre-commit', ['install'], root, env);
  if (install.code !== 0) throw new Error(`pre-commit install failed:\n${install.stdout}${install.stderr}`);
});
afterAll(() => {
  removeFixtureRepos();
  // Set only once beforeAll got that far; its own error is the one to read.
  if (onPath) rmSync(onPath.dir, { recursive: true, force: true });
  if (preCommitHome) rmSync(preCommitHome, { recursive: true, force: true });
});

describe('the pre-commit framework running dockguard', () => {
  it('dockguard init keeps the existing dockguard hook entry, adds the merge hook type and writes the starter config', () => {
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain('create dockguard.config.json (starter config with 3 service(s))\n');
    expect(setup.stdout).toContain('hooks run by the pre-commit framework (.pre-commit-config.yaml)');
    expect(readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8')).toBe(
      `default_install_hook_types: [pre-commit, pre-merge-commit]\n${PRE_COMMIT_CONFIG}`,
    );
    expect(install.stdout, 'plain `pre-commit install` installs both hooks').toBe(
      'pre-commit installed at .git/hooks/pre-commit\npre-commit installed at .git/hooks/pre-merge-commit\n',
    );
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
