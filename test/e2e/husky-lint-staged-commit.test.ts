import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, childEnv, PACKAGE_ROOT, run, type RunResult, withoutTiming } from './helpers/dockguard-cli.js';
import { commit, head, porcelainStatus } from './helpers/hook-env.js';
import { applyProposedFixes, blockedApiReport, importBillingInApi, removeLine, SHOP } from './helpers/shop-scenario.js';

/**
 * A JavaScript-tooled monorepo: dockguard installed from this working tree
 * (a folder install links it), then `dockguard init` adds real husky and
 * lint-staged from the registry; commits go through lint-staged, clean
 * merges through .husky/pre-merge-commit. One repository for the whole file: the
 * install is the slow part, and the tests below are steps of one story.
 */

// Installs may reuse npm's cache; never prompt, audit or advertise.
const env = childEnv({ npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });
const MANIFEST = '{\n  "name": "shop-platform",\n  "version": "1.0.0",\n  "private": true\n}\n';
let root: string;
let setup: RunResult;
let setupCommit: RunResult;

beforeAll(() => {
  assertBuilt();
  root = makeFixtureRepo(SHOP);
  writeFileSync(path.join(root, 'package.json'), MANIFEST);
  writeFileSync(path.join(root, '.gitignore'), `${readFileSync(path.join(root, '.gitignore'), 'utf8')}node_modules/\n`);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Add package.json');
  const install = run('npm', ['install', '--save-dev', PACKAGE_ROOT], root, env);
  if (install.code !== 0) throw new Error(`npm install of ${PACKAGE_ROOT} failed:\n${install.stderr}`);
  setup = run(path.join(root, 'node_modules/.bin/dockguard'), ['init'], root, env);
  git(root, 'add', '-A');
  setupCommit = commit(root, 'Set up dockguard', env);
}, 180_000);
afterAll(removeFixtureRepos);

const SET_UP_FILES = ['package.json', 'package-lock.json', '.husky/pre-commit', '.husky/pre-merge-commit', 'dockguard.config.json'];
/** A commit on main through husky that no image depends on, so the merge that follows is a real one, not a fast-forward. */
const changeReadmeOnMain = (text: string): void => {
  writeFileSync(path.join(root, 'README.md'), text);
  git(root, 'add', 'README.md');
  const result = commit(root, 'Edit README', env);
  expect(result.code, result.stderr).toBe(0);
};
const manifest = () => JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('husky + lint-staged set up by dockguard init', () => {
  it('uses the dockguard already installed and adds husky and lint-staged with npm', () => {
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.stdout).toContain('run npm install --save-dev husky lint-staged (install the hook tools as dev dependencies)\n');
    expect(setup.stdout).not.toContain('dockguard@');
    expect(manifest().devDependencies).toEqual({
      dockguard: expect.stringMatching(/^file:/),
      husky: expect.any(String),
      'lint-staged': expect.any(String),
    });
    expect(manifest().scripts).toEqual({ prepare: 'husky' });
    expect(readFileSync(path.join(root, '.husky/pre-commit'), 'utf8')).toBe('npx --no-install lint-staged\n');
    expect(readFileSync(path.join(root, '.husky/pre-merge-commit'), 'utf8')).toBe('npx --no-install dockguard check --staged\n');
    expect(git(root, 'config', 'core.hooksPath')).toBe('.husky/_\n');
  });

  it('ran dockguard from lint-staged on the set-up commit (the staged config affects every service)', () => {
    expect(setupCommit.code, setupCommit.stderr).toBe(0);
    expect(setupCommit.stderr).toContain('[COMPLETED] dockguard check --staged');
  });

  it('blocks the commit with the planted bug, with the same report as the plain hook, and keeps unstaged work', () => {
    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    writeFileSync(path.join(root, 'README.md'), '# Shop platform\n\nWork in progress, not staged.\n');
    const before = head(root);
    const blocked = commit(root, 'Preview invoices', env);
    expect(blocked.code).toBe(1);
    expect(withoutTiming(blocked.stderr)).toContain(`✖ dockguard check --staged:\n${blockedApiReport()}husky - pre-commit script failed (code 1)`);
    expect(head(root), 'nothing was committed').toBe(before);
    expect(porcelainStatus(root)).toBe(' M README.md\nM  services/api/app.py\n');

    const direct = run('npx', ['--no-install', 'lint-staged'], root, env);
    expect(direct.code, 'lint-staged itself exits 1, like the plain hook').toBe(1);
  });

  it('lets the commit through once the proposed fix is staged', () => {
    applyProposedFixes(root);
    git(root, 'add', 'services/api/Dockerfile');
    const allowed = commit(root, 'Preview invoices', env);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toContain('[COMPLETED] dockguard check --staged');
    expect(git(root, 'show', '--name-only', '--format=%s', 'HEAD')).toBe('Preview invoices\n\nservices/api/Dockerfile\nservices/api/app.py\n');
    expect(porcelainStatus(root)).toBe(' M README.md\n');
  });

  it('changes nothing when init runs a second time', () => {
    git(root, 'checkout', '--', 'README.md');
    const files = SET_UP_FILES.map((f) => readFileSync(path.join(root, f), 'utf8'));
    const again = run(path.join(root, 'node_modules/.bin/dockguard'), ['init'], root, env);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('dockguard is already set up: nothing to change');
    expect(porcelainStatus(root)).toBe('');
    expect(SET_UP_FILES.map((f) => readFileSync(path.join(root, f), 'utf8'))).toEqual(files);
  });

  it('blocks a clean merge that brings the bug back, through .husky/pre-merge-commit', () => {
    git(root, 'checkout', '-q', '-b', 'slim-image');
    removeLine(root, 'services/api/Dockerfile', 'COPY billing/ ./billing/');
    git(root, 'commit', '-q', '--no-verify', '-am', 'Slimmer api image');
    git(root, 'checkout', '-q', 'main');
    changeReadmeOnMain('# Shop platform\n');
    const before = head(root);

    const merge = run('git', ['merge', '--no-edit', 'slim-image'], root, env);
    expect(merge.code).toBe(1);
    // The merge's changes against HEAD (the first parent): only the api's Dockerfile.
    expect(withoutTiming(merge.stderr)).toBe(
      `${blockedApiReport({ merge: true })}husky - pre-merge-commit script failed (code 1)\nNot committing merge; use 'git commit' to complete the merge.\n`,
    );
    expect(head(root), 'no merge commit was made').toBe(before);
    git(root, 'merge', '--abort');
    expect(porcelainStatus(root)).toBe('');
  });

  it('lets a clean merge that breaks nothing through, checking only the services it affects', () => {
    git(root, 'checkout', '-q', '-b', 'docstring');
    const app = path.join(root, 'services/api/app.py');
    // A new first-party import the image holds: an edit the analysis sees, unlike a docstring or a plain
    // standard-library import, which would check no service.
    writeFileSync(app, readFileSync(app, 'utf8').replace('"""Shop HTTP API."""', '"""Shop HTTP API."""\nimport shared'));
    git(root, 'commit', '-q', '--no-verify', '-am', 'Import shared in the API');
    git(root, 'checkout', '-q', 'main');
    changeReadmeOnMain('# Shop platform\n\nThree services.\n');

    const merge = run('git', ['merge', '--no-edit', 'docstring'], root, env);
    expect(merge.code, merge.stderr).toBe(0);
    expect(withoutTiming(merge.stderr)).toBe('✔ dockguard: 1 service checked · 2 unaffected · 0 errors · 0 warnings · <time>\n');
    expect(git(root, 'log', '-1', '--format=%s %p')).toMatch(/^Merge branch 'docstring' [0-9a-f]+ [0-9a-f]+\n$/);
  });

  it('in a fresh clone, the install a teammate runs anyway sets up the hooks, init says so, and their commit is checked', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'dockguard-teammate-'));
    try {
      git(tmpdir(), 'clone', '-q', root, clone);
      // A clone has no hooks until husky's prepare script runs; a plain npm install runs it.
      expect(run('git', ['config', 'core.hooksPath'], clone, env).code, 'no hooks path before the install').toBe(1);
      const install = run('npm', ['install'], clone, env);
      expect(install.code, install.stderr).toBe(0);
      expect(git(clone, 'config', 'core.hooksPath')).toBe('.husky/_\n');
      const onboard = run(path.join(clone, 'node_modules/.bin/dockguard'), ['init'], clone, env);
      expect(onboard.stderr).toBe('');
      expect(onboard.code).toBe(0);
      expect(onboard.stdout.split('\n')[0]).toBe('dockguard is already set up: nothing to change');
      expect(porcelainStatus(clone), 'nothing in the repository changed').toBe('');
      removeLine(clone, 'services/api/Dockerfile', 'COPY billing/ ./billing/');
      git(clone, 'add', 'services/api/Dockerfile');
      const blocked = commit(clone, 'Slimmer api image', env);
      expect(blocked.code, "the teammate's commit is checked").toBe(1);
      expect(blocked.stderr).toContain('✖ dockguard check --staged:');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 180_000);

  it('in a clone installed with --ignore-scripts, init says what the clone still needs and changes no file', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'dockguard-teammate-'));
    try {
      git(tmpdir(), 'clone', '-q', root, clone);
      const install = run('npm', ['install', '--ignore-scripts'], clone, env);
      expect(install.code, install.stderr).toBe(0);
      const onboard = run(path.join(clone, 'node_modules/.bin/dockguard'), ['init'], clone, env);
      expect(onboard.stderr).toBe('');
      expect(onboard.code).toBe(0);
      expect(onboard.stdout).toMatch(/^dockguard is already set up in this repository; this clone needs its git hooks:\n/);
      expect(porcelainStatus(clone), 'nothing in the repository changed').toBe('');
      expect(git(clone, 'config', 'core.hooksPath')).toBe('.husky/_\n');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 180_000);
});
