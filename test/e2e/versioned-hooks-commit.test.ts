import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, childEnv, CLI, run, withoutTiming } from './helpers/dockguard-cli.js';
import { commit, head, makeDockguardOnPath } from './helpers/hook-env.js';
import { blockedApiReport, importBillingInApi, SHOP } from './helpers/shop-scenario.js';

/**
 * `dockguard init --hooks-dir .githooks`: plain hooks committed with the code,
 * core.hooksPath pointing at them. A teammate's fresh clone gets them from
 * `npx dockguard init` (here the built CLI) or, with a package.json, from the
 * prepare script `npm install` runs. Real clones, real `git commit`s.
 */
let onPath: ReturnType<typeof makeDockguardOnPath>;
const temps: string[] = [];
beforeAll(() => {
  assertBuilt();
  onPath = makeDockguardOnPath();
});
afterAll(() => {
  removeFixtureRepos();
  for (const dir of [onPath.dir, ...temps.splice(0)]) rmSync(dir, { recursive: true, force: true });
});

const init = (root: string, ...flags: string[]) => run(process.execPath, [CLI, 'init', ...flags], root, onPath.env);
const hooksPathOf = (root: string) => run('git', ['config', '--get', 'core.hooksPath'], root).stdout;
/** Sets up the versioned hooks and commits them, as the first developer does. */
const setUpAndCommit = (root: string): void => {
  expect(init(root, '--hooks-dir', '.githooks').code).toBe(0);
  git(root, 'add', '-A');
  const setUp = commit(root, 'Check images before each commit', onPath.env);
  expect(setUp.code, setUp.stderr).toBe(0);
};
const cloneOf = (root: string): string => {
  const parent = mkdtempSync(path.join(tmpdir(), 'dockguard-clone-'));
  temps.push(parent);
  const clone = path.join(parent, 'shop');
  expect(run('git', ['clone', '-q', root, clone], parent).code).toBe(0);
  return clone;
};
const noDockguard = () => childEnv({ PATH: path.dirname(process.execPath) + path.delimiter + '/usr/bin:/bin', npm_config_offline: 'true' });

describe('versioned plain hooks (init --hooks-dir)', () => {
  it('writes both hooks into the folder, points core.hooksPath at it, and its hook blocks the planted bug', () => {
    const root = makeFixtureRepo(SHOP);
    const setup = init(root, '--hooks-dir', '.githooks');
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout.split('\n').slice(0, 6)).toEqual([
      'create .githooks/pre-commit (git runs it before every commit)',
      'create .githooks/pre-merge-commit (git runs it before the commit of a merge that needs no conflict resolution)',
      'run git config core.hooksPath .githooks (git runs the hooks of the versioned folder; core.hooksPath is set per clone)',
      'create dockguard.config.json (starter config with 3 service(s))',
      'versioned hook folder: .githooks (commit it; in each clone `npx dockguard init` points git at it)',
      'the hooks run node_modules/.bin/dockguard, else dockguard on PATH, else npx --offline --no-install dockguard',
    ]);
    expect(hooksPathOf(root)).toBe('.githooks\n');
    git(root, 'add', '-A');
    expect(commit(root, 'Check images before each commit', onPath.env).code).toBe(0);
    expect(git(root, 'ls-files', '-s', '.githooks')).toMatch(/^100755 \S+ 0\t\.githooks\/pre-commit\n100755 \S+ 0\t\.githooks\/pre-merge-commit\n$/);

    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    const before = head(root);
    const blocked = commit(root, 'Preview invoices', onPath.env);
    expect({ code: blocked.code, stderr: withoutTiming(blocked.stderr) }).toEqual({ code: 1, stderr: blockedApiReport() });
    expect(head(root)).toBe(before);
    expect(init(root).stdout.split('\n')[0], 'a second run changes nothing').toBe('dockguard is already set up: nothing to change');
  });

  it("in a teammate's fresh clone, init only sets core.hooksPath, says so, and the clone's commits are checked", () => {
    const root = makeFixtureRepo(SHOP);
    setUpAndCommit(root);
    const clone = cloneOf(root);
    expect(hooksPathOf(clone)).toBe('');

    const onboard = init(clone);
    expect(onboard.code, onboard.stderr).toBe(0);
    expect(onboard.stdout.split('\n').slice(0, 2)).toEqual([
      'dockguard is already set up in this repository; this clone needs its git hooks:',
      'run git config core.hooksPath .githooks (git runs the hooks of the versioned folder; core.hooksPath is set per clone)',
    ]);
    expect(run('git', ['status', '--porcelain'], clone).stdout, 'nothing in the clone changed').toBe('');
    expect(hooksPathOf(clone)).toBe('.githooks\n');

    importBillingInApi(clone);
    git(clone, 'add', 'services/api/app.py');
    const blocked = commit(clone, 'Preview invoices', onPath.env);
    expect({ code: blocked.code, stderr: withoutTiming(blocked.stderr) }).toEqual({ code: 1, stderr: blockedApiReport() });
    expect(init(clone).stdout.split('\n')[0]).toBe('dockguard is already set up: nothing to change');
  });

  it('in a clone without dockguard installed, lets a README commit through and blocks a Python change with the install command', () => {
    const root = makeFixtureRepo(SHOP);
    setUpAndCommit(root);
    const clone = cloneOf(root);
    expect(init(clone).code).toBe(0);

    writeFileSync(path.join(clone, 'README.md'), '# Shop platform\n\nRun `npx dockguard init` once after cloning.\n');
    git(clone, 'add', 'README.md');
    const docs = commit(clone, 'Onboarding note', noDockguard());
    expect({ code: docs.code, stderr: docs.stderr }).toEqual({ code: 0, stderr: '' });

    importBillingInApi(clone);
    git(clone, 'add', 'services/api/app.py');
    const blocked = commit(clone, 'Preview invoices', noDockguard());
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toBe(
      'dockguard: this commit changes files dockguard checks (services/api/app.py), but the dockguard command was not found.\n' +
        'dockguard: install it: npm install --save-dev dockguard (or npm install -g dockguard;\n' +
        'dockguard: in a clone whose package.json lists it, npm install), then commit again,\n' +
        'dockguard: or commit with --no-verify to skip the check once.\n',
    );
  });

  it('with a package.json, adds a prepare script: npm runs it in a fresh clone, and it does not fail without a git repository', () => {
    const root = makeFixtureRepo(SHOP);
    writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ name: 'shop-platform', private: true, scripts: { lint: 'ruff check .' } }, null, 2)}\n`);
    git(root, 'add', 'package.json');
    git(root, 'commit', '-q', '-m', 'Add package.json');
    const setup = init(root, '--hooks-dir', '.githooks');
    expect(setup.stdout.split('\n')[0]).toBe('edit package.json: set scripts.prepare = "git config core.hooksPath .githooks || true"');
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts).toEqual({ lint: 'ruff check .', prepare: 'git config core.hooksPath .githooks || true' });
    expect(setup.stdout).toContain('versioned hook folder: .githooks (commit it; in each clone `npm install` (the prepare script) or `npx dockguard init` points git at it)\n');
    git(root, 'add', '-A');
    expect(commit(root, 'Check images before each commit', onPath.env).code).toBe(0);

    const clone = cloneOf(root);
    // `npm install` runs the prepare script after installing; run it alone, offline.
    const prepare = run('npm', ['run', 'prepare', '--silent'], clone, onPath.env);
    expect(prepare.code, prepare.stderr).toBe(0);
    expect(hooksPathOf(clone)).toBe('.githooks\n');
    importBillingInApi(clone);
    git(clone, 'add', 'services/api/app.py');
    expect(commit(clone, 'Preview invoices', onPath.env).code).toBe(1);

    // An image's `npm ci` copies package.json without .git: the install must go on.
    const exported = mkdtempSync(path.join(tmpdir(), 'dockguard-no-git-'));
    temps.push(exported);
    cpSync(path.join(clone, 'package.json'), path.join(exported, 'package.json'));
    expect(run('npm', ['run', 'prepare', '--silent'], exported, childEnv({ GIT_CEILING_DIRECTORIES: path.dirname(exported) })).code).toBe(0);
  });

  it('refuses, with exit 2 and nothing changed, a folder outside the repository, a pre-commit framework repository, and another core.hooksPath without --force', () => {
    const root = makeFixtureRepo(SHOP);
    const outside = init(root, '--hooks-dir', '../hooks');
    expect({ code: outside.code, stderr: outside.stderr }).toEqual({
      code: 2,
      stderr: 'dockguard: --hooks-dir ../hooks is not a folder inside the repository\n  hint: name a folder of the working tree to commit the hooks in, e.g. --hooks-dir .githooks\n',
    });

    git(root, 'config', 'core.hooksPath', 'tools/hooks');
    const repoint = init(root, '--hooks-dir', '.githooks');
    expect({ code: repoint.code, stderr: repoint.stderr }).toEqual({
      code: 2,
      stderr:
        'dockguard: core.hooksPath is tools/hooks: pointing it at .githooks would stop git running the hooks there\n' +
        '  hint: move them into .githooks, or rerun with --force to point core.hooksPath at .githooks anyway\n',
    });
    expect(hooksPathOf(root)).toBe('tools/hooks\n');
    expect(run('git', ['status', '--porcelain', '--untracked-files=all'], root).stdout, 'a refusal changes nothing').toBe('');
    const forced = init(root, '--hooks-dir', '.githooks', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('the hooks in tools/hooks will no longer run once core.hooksPath is .githooks: move their commands into .githooks\n');
    expect(hooksPathOf(root)).toBe('.githooks\n');

    const framework = makeFixtureRepo(SHOP);
    writeFileSync(path.join(framework, '.pre-commit-config.yaml'), 'repos: []\n');
    const owned = init(framework, '--hooks-dir', '.githooks');
    expect(owned.code).toBe(2);
    expect(owned.stderr).toBe(
      'dockguard: .pre-commit-config.yaml is here: the pre-commit framework owns this repository\'s git hooks, and --hooks-dir would take them from it\n' +
        '  hint: run dockguard init without --hooks-dir: it adds dockguard to the pre-commit config\n',
    );
    expect(run('git', ['status', '--porcelain', '--untracked-files=all'], framework).stdout).toBe('?? .pre-commit-config.yaml\n');
  });
});
