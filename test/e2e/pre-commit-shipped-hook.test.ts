import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { childEnv, run, type RunResult, withoutTiming } from './helpers/dockguard-cli.js';
import { commit, head } from './helpers/hook-env.js';
import { makePackageClone } from './helpers/package-clone.js';
import { findPreCommit, skippedWithoutPreCommit } from './helpers/pre-commit-present.js';
import { applyProposedFixes, blockedApiReport, importBillingInApi, SHOP } from './helpers/shop-scenario.js';

/**
 * The hook as shipped: a user's .pre-commit-config.yaml takes dockguard from its
 * git repository (`repo:` + `rev:`, here a local clone of this checkout), and
 * the real pre-commit installs the `language: node` hook of .pre-commit-hooks.yaml
 * as it would from GitHub: `npm install` in its clone (which builds dist/ through
 * `prepare`), `npm pack`, whose stdout it reads as the tarball name, and
 * `npm install -g` of that tarball. Only the npm registry is reached. No
 * dockguard on PATH: the hook's own install is what runs. Slow (two installs
 * that may compile tree-sitter), so the timeout is generous.
 */

const PRE_COMMIT_VERSION = findPreCommit();
const INSTALL_TIMEOUT = 15 * 60_000;

let clone: { dir: string; rev: string };
let env: NodeJS.ProcessEnv;
let preCommitHome: string;
let root: string;
let installHooks: RunResult;

beforeAll(() => {
  if (PRE_COMMIT_VERSION === undefined) return;
  clone = makePackageClone();
  preCommitHome = mkdtempSync(path.join(tmpdir(), 'dockguard-pre-commit-home-'));
  env = childEnv({ PRE_COMMIT_HOME: preCommitHome });
  root = makeFixtureRepo(SHOP);
  const config = { default_install_hook_types: ['pre-commit', 'pre-merge-commit'], repos: [{ repo: clone.dir, rev: clone.rev, hooks: [{ id: 'dockguard' }] }] };
  writeFileSync(path.join(root, '.pre-commit-config.yaml'), stringify(config));
  installHooks = run('pre-commit', ['install', '--install-hooks'], root, env);
}, INSTALL_TIMEOUT);
afterAll(() => {
  removeFixtureRepos();
  if (clone) rmSync(clone.dir, { recursive: true, force: true });
  if (preCommitHome) rmSync(preCommitHome, { recursive: true, force: true });
});

describe.skipIf(PRE_COMMIT_VERSION === undefined)(`the shipped .pre-commit-hooks.yaml, referenced by repo: and rev:${skippedWithoutPreCommit(PRE_COMMIT_VERSION)}`, () => {
  it('installs: pre-commit builds and packs the package from its clone', () => {
    expect(installHooks.stderr).toBe('');
    expect(installHooks.code, installHooks.stdout).toBe(0);
    expect(installHooks.stdout).toContain(`[INFO] Installing environment for ${clone.dir}.\n`);
  });

  it('lets through a commit that touches nothing dockguard watches', () => {
    git(root, 'add', '-A');
    const result = commit(root, 'Adopt pre-commit', env);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/^dockguard\.+\(no files to check\)Skipped$/m);
  });

  it('blocks the commit with the planted bug, then lets it through once the fix is staged', () => {
    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    const before = head(root);
    const blocked = commit(root, 'Preview invoices', env);
    expect(blocked.code).toBe(1);
    expect(withoutTiming(blocked.stdout + blocked.stderr)).toContain(`- hook id: dockguard\n- exit code: 1\n\n${blockedApiReport({ runner: 'pre-commit-framework' })}`);
    expect(head(root), 'nothing was committed').toBe(before);

    applyProposedFixes(root);
    git(root, 'add', 'services/api/Dockerfile');
    const allowed = commit(root, 'Preview invoices', env);
    expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
    expect(allowed.stdout + allowed.stderr).toMatch(/^dockguard\.+Passed$/m);
  });
});
