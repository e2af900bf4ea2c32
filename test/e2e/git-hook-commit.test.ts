import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, childEnv, CLI, dockguard, run, withoutTiming } from './helpers/dockguard-cli.js';
import { commit, head, makeDockguardOnPath, porcelainStatus } from './helpers/hook-env.js';
import { applyProposedFixes, blockedApiReport, importBillingInApi, SHOP } from './helpers/shop-scenario.js';

/** `dockguard init` in a repository without package.json or pre-commit config, then real `git commit`s and `git merge`s. */

let onPath: ReturnType<typeof makeDockguardOnPath>;
beforeAll(() => {
  assertBuilt();
  onPath = makeDockguardOnPath();
});
afterAll(() => {
  removeFixtureRepos();
  rmSync(onPath.dir, { recursive: true, force: true });
});

const FOREIGN_HOOK = '#!/bin/sh\necho "lint ran" >> "$(git rev-parse --show-toplevel)/foreign.log"\n';
const init = (root: string, ...flags: string[]) => run(process.execPath, [CLI, 'init', ...flags], root, onPath.env);
/** A branch whose commit brings in the planted bug, committed past the hook as `--no-verify` allows; back on main after. */
const commitBugOnBranch = (root: string, branch: string): void => {
  git(root, 'checkout', '-q', '-b', branch);
  importBillingInApi(root);
  git(root, 'add', '-A');
  expect(run('git', ['commit', '--no-verify', '-m', 'Preview invoices'], root, onPath.env).code).toBe(0);
  git(root, 'checkout', '-q', 'main');
};
/** A commit on main, through the hook, that no image depends on: the merge below is a real one, not a fast-forward. */
const shortenReadmeOnMain = (root: string): void => {
  writeFileSync(path.join(root, 'README.md'), '# Shop platform\n');
  expect(run('git', ['commit', '-qam', 'Shorter README'], root, onPath.env).code).toBe(0);
};
const foreignRuns = (root: string): number =>
  existsSync(path.join(root, 'foreign.log')) ? readFileSync(path.join(root, 'foreign.log'), 'utf8').split('\n').filter(Boolean).length : 0;

describe('the plain git hook installed by dockguard init', () => {
  it('blocks the commit with the planted bug, shows the finding, fix and hints, and lets the fixed commit through', () => {
    const root = makeFixtureRepo(SHOP);
    const setup = init(root);
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain('create .git/hooks/pre-commit (git runs it before every commit)\n');
    git(root, 'add', 'dockguard.config.json');
    const configCommit = commit(root, 'Add dockguard config', onPath.env);
    expect(configCommit.code, configCommit.stderr).toBe(0);
    expect(configCommit.stderr).toContain('✔ dockguard: 3 services checked');

    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    const before = head(root);
    const blocked = commit(root, 'Preview invoices', onPath.env);
    expect(blocked.code).toBe(1);
    // git sends a pre-commit hook's stdout to stderr.
    expect(withoutTiming(blocked.stderr)).toBe(blockedApiReport());
    expect(head(root), 'nothing was committed').toBe(before);

    const direct = run(path.join(root, '.git/hooks/pre-commit'), [], root, onPath.env);
    expect({ code: direct.code, stdout: withoutTiming(direct.stdout) }).toEqual({ code: 1, stdout: blockedApiReport() });

    applyProposedFixes(root);
    git(root, 'add', 'services/api/Dockerfile');
    const allowed = commit(root, 'Preview invoices', onPath.env);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(withoutTiming(allowed.stderr)).toBe('✔ dockguard: 1 service checked · 2 unaffected · 0 errors · 0 warnings · <time>\n');
    expect(git(root, 'log', '-1', '--format=%s')).toBe('Preview invoices\n');
    expect(porcelainStatus(root)).toBe('');
  });

  it('lets a commit that only edits function bodies of shared code through without checking a service, first cache or not', () => {
    const root = makeFixtureRepo(SHOP);
    expect(init(root).code).toBe(0);
    git(root, 'add', '-A');
    expect(commit(root, 'Set up dockguard', onPath.env).code).toBe(0);
    const util = path.join(root, 'shared/util.py');
    for (const [i, cache] of [[1, 'as left by the set-up commit'], [2, 'deleted']] as const) {
      if (cache === 'deleted') rmSync(path.join(root, '.git/dockguard-cache'), { recursive: true, force: true });
      writeFileSync(util, `${readFileSync(util, 'utf8')}\n\ndef shout_${i}(text: str) -> str:\n    return text.upper()\n`);
      git(root, 'add', 'shared/util.py');
      const committed = commit(root, `Add shout ${i}`, onPath.env);
      expect(committed.code, committed.stderr).toBe(0);
      // Two images copy shared/util.py; the edit changes nothing either reads from it.
      expect(withoutTiming(committed.stderr), `cache ${cache}`).toBe('✔ dockguard: 0 services checked · 3 unaffected · 0 errors · 0 warnings · <time>\n');
    }
  });

  it('changes nothing when init runs a second time', () => {
    const root = makeFixtureRepo(SHOP);
    expect(init(root).code).toBe(0);
    git(root, 'add', '-A');
    expect(commit(root, 'Set up dockguard', onPath.env).code).toBe(0);
    const hooks = () => ['pre-commit', 'pre-merge-commit'].map((name) => readFileSync(path.join(root, '.git/hooks', name), 'utf8'));
    const installed = hooks();

    const again = init(root);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('dockguard is already set up: nothing to change');
    expect(porcelainStatus(root)).toBe('');
    expect(hooks()).toEqual(installed);
  });

  it('refuses to replace a foreign hook without --force, and with --force keeps it and runs it after the check', () => {
    const root = makeFixtureRepo(SHOP);
    const hookFile = path.join(root, '.git/hooks/pre-commit');
    writeFileSync(hookFile, FOREIGN_HOOK, { mode: 0o755 });

    const refused = init(root);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "dockguard: .git/hooks/pre-commit already exists and is not dockguard's hook; not overwriting it\n" +
        "  hint: rerun with --force to keep it as pre-commit.pre-dockguard and run it after dockguard's check, or add `dockguard check --staged` to it yourself\n",
    });
    expect(readFileSync(hookFile, 'utf8')).toBe(FOREIGN_HOOK);
    expect(existsSync(path.join(root, 'dockguard.config.json')), 'a refused init writes nothing').toBe(false);

    const forced = init(root, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('move .git/hooks/pre-commit to .git/hooks/pre-commit.pre-dockguard');
    expect(readFileSync(`${hookFile}.pre-dockguard`, 'utf8')).toBe(FOREIGN_HOOK);

    git(root, 'add', 'dockguard.config.json');
    expect(commit(root, 'Add dockguard config', onPath.env).code).toBe(0);
    expect(foreignRuns(root), 'the foreign hook ran after a passing check').toBe(1);

    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    const blocked = commit(root, 'Preview invoices', onPath.env);
    expect(blocked.code).toBe(1);
    expect(withoutTiming(blocked.stderr)).toBe(blockedApiReport());
    expect(foreignRuns(root), 'a blocked commit stops before the foreign hook').toBe(1);

    expect(init(root).stdout.split('\n')[0], 'the chained set-up is stable').toBe('dockguard is already set up: nothing to change');
  });

  const noDockguard = () => childEnv({ PATH: path.dirname(process.execPath) + path.delimiter + '/usr/bin:/bin', npm_config_offline: 'true' });
  const NOT_FOUND_HINT =
    'dockguard: install it: npm install --save-dev dockguard (or npm install -g dockguard;\n' +
    'dockguard: in a clone whose package.json lists it, npm install), then commit again,\n' +
    'dockguard: or commit with --no-verify to skip the check once.\n';

  it('blocks a commit that changes watched files, saying why and how to install, when no dockguard command can be found', () => {
    const root = makeFixtureRepo(SHOP);
    expect(init(root).code).toBe(0);
    importBillingInApi(root);
    git(root, 'add', '-A');
    const blocked = commit(root, 'Preview invoices', noDockguard());
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toBe(
      'dockguard: this commit changes files dockguard checks (dockguard.config.json), but the dockguard command was not found.\n' + NOT_FOUND_HINT,
    );
  });

  it('without a dockguard command, lets through a commit that touches nothing dockguard reads, and blocks a Python file moved away', () => {
    const root = makeFixtureRepo(SHOP);
    expect(init(root).code).toBe(0);
    git(root, 'add', '-A');
    expect(commit(root, 'Set up dockguard', onPath.env).code).toBe(0);

    writeFileSync(path.join(root, 'README.md'), '# Shop platform\n\nServices: api, billing, worker.\n');
    git(root, 'add', 'README.md');
    const docs = commit(root, 'Document the services', noDockguard());
    expect({ code: docs.code, stderr: docs.stderr }).toEqual({ code: 0, stderr: '' });

    // A rename lists only the new path unless renames are split: the old module is gone from the image.
    git(root, 'mv', 'shared/util.py', 'shared/util.txt');
    const before = head(root);
    const moved = commit(root, 'Move util aside', noDockguard());
    expect(moved.code).toBe(1);
    expect(moved.stderr).toBe('dockguard: this commit changes files dockguard checks (shared/util.py), but the dockguard command was not found.\n' + NOT_FOUND_HINT);
    expect(head(root)).toBe(before);
  });

  it('without a dockguard command, lets the first commit of a repository through when it holds no watched file', () => {
    const root = makeFixtureRepo(SHOP);
    expect(init(root).code).toBe(0);
    git(root, 'checkout', '-q', '--orphan', 'docs');
    git(root, 'rm', '-rq', '--cached', '.');
    git(root, 'add', 'README.md');
    const first = commit(root, 'Start the docs branch', noDockguard());
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('blocks a clean merge that brings in the planted bug, and lets the merge through once the fix is staged', () => {
    const root = makeFixtureRepo(SHOP);
    const setup = init(root);
    expect(setup.stdout).toContain(
      'create .git/hooks/pre-merge-commit (git runs it before the commit of a merge that needs no conflict resolution)\n',
    );
    git(root, 'add', '-A');
    expect(commit(root, 'Set up dockguard', onPath.env).code).toBe(0);
    commitBugOnBranch(root, 'invoices');
    shortenReadmeOnMain(root);
    const before = head(root);

    const merge = run('git', ['merge', '--no-edit', 'invoices'], root, onPath.env);
    expect(merge.code).toBe(1);
    // The merge's changes against HEAD (the first parent) are checked: only the api is affected.
    expect(withoutTiming(merge.stderr)).toBe(`${blockedApiReport({ merge: true })}Not committing merge; use 'git commit' to complete the merge.\n`);
    expect(head(root), 'no merge commit was made').toBe(before);

    // The merge is left in progress; concluding it with `git commit` runs pre-commit.
    applyProposedFixes(root);
    git(root, 'add', 'services/api/Dockerfile');
    const concluded = commit(root, 'Merge invoices', onPath.env);
    expect(concluded.code, concluded.stderr).toBe(0);
    expect(withoutTiming(concluded.stderr)).toBe(
      'note: merge in progress: checking the merge result as staged\n✔ dockguard: 1 service checked · 2 unaffected · 0 errors · 0 warnings · <time>\n',
    );
    expect(git(root, 'rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
  });

  it('passes a clean merge that breaks nothing, then runs a kept foreign pre-merge-commit hook', () => {
    const root = makeFixtureRepo(SHOP);
    const hookFile = path.join(root, '.git/hooks/pre-merge-commit');
    writeFileSync(hookFile, FOREIGN_HOOK, { mode: 0o755 });
    expect(init(root).stderr).toContain(".git/hooks/pre-merge-commit already exists and is not dockguard's hook; not overwriting it");
    const forced = init(root, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('move .git/hooks/pre-merge-commit to .git/hooks/pre-merge-commit.pre-dockguard');
    git(root, 'add', '-A');
    expect(commit(root, 'Set up dockguard', onPath.env).code).toBe(0);
    expect(foreignRuns(root), 'pre-commit chains only to pre-commit.pre-dockguard').toBe(0);

    commitBugOnBranch(root, 'invoices');
    shortenReadmeOnMain(root);
    expect(run('git', ['merge', '--no-edit', 'invoices'], root, onPath.env).code).toBe(1);
    expect(foreignRuns(root), 'a blocked merge stops before the foreign hook').toBe(0);
    git(root, 'merge', '--abort');

    git(root, 'checkout', '-q', '-b', 'docs');
    writeFileSync(path.join(root, 'services/api/NOTES.md'), 'Run with gunicorn.\n');
    git(root, 'add', '-A');
    run('git', ['commit', '--no-verify', '-m', 'Notes'], root, onPath.env);
    git(root, 'checkout', '-q', 'main');
    const merge = run('git', ['merge', '--no-ff', '--no-edit', 'docs'], root, onPath.env);
    expect(merge.code, merge.stderr).toBe(0);
    expect(withoutTiming(merge.stderr)).toBe('note: nothing that can change an image is part of this check\n✔ dockguard: 0 services checked · 0 errors · 0 warnings · <time>\n');
    expect(foreignRuns(root), 'the foreign merge hook ran after a passing check').toBe(1);
    expect(git(root, 'log', '-1', '--format=%s')).toBe("Merge branch 'docs'\n");
  });

  it('lets `git commit --no-verify` bypass the hook, as the hint says', () => {
    const root = makeFixtureRepo(SHOP);
    expect(init(root).code).toBe(0);
    importBillingInApi(root);
    git(root, 'add', '-A');
    const bypass = run('git', ['commit', '--no-verify', '-m', 'Ship it anyway'], root, onPath.env);
    expect(bypass.code).toBe(0);
    expect(bypass.stderr).toBe('');
    expect(dockguard(root, 'check').code, 'the committed tree is still broken').toBe(1);
  });
});
