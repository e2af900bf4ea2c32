import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import { detectRepoState } from '../git/repo-state.js';
import { runGit } from '../git/run-git.js';
import { checkHooksDirIsFolder, checkWriteTargets } from './check-write-targets.js';
import { COMMIT_HOOKS } from './commit-hooks.js';
import { choosePreCommitStages, detectPreCommitVersion } from './detect-pre-commit.js';
import { displayPath } from './display-path.js';
import { findHooksDir, readHooksPath } from './find-hooks-dir.js';
import type { HookSetup, InitAction, InitOptions, InitPlan } from './init-plan.js';
import { HOOK_MARKER, readToolVersion } from './package-files.js';
import { planGitHook } from './plan-git-hook.js';
import { planHuskySetup } from './plan-husky-setup.js';
import { PRE_COMMIT_CONFIG, planPreCommitEntry } from './plan-pre-commit-entry.js';
import { planPreCommitInstall } from './plan-pre-commit-install.js';
import { planStarterConfig } from './plan-starter-config.js';
import { findVersionedHooksDir, planVersionedHooks, readVersionedHooksPath } from './plan-versioned-hooks.js';

/**
 * Decides what `dockguard init` would change; reads files and git config but
 * writes nothing. Precedence: an existing pre-commit framework config (it owns
 * the git hook), then versioned plain hooks (asked for with --hooks-dir, or
 * found committed: a fresh clone), then package.json (husky + lint-staged),
 * then a plain git hook. A `core.hooksPath` set by some other tool keeps its
 * folder: we install there.
 */
export async function planInit(root: string, options: InitOptions): Promise<InitPlan> {
  const state = await detectRepoState(root);
  if (state.isBare) throw new DockguardError('dockguard init needs a working tree, not a bare repository');
  const toolVersion = readToolVersion();
  const hooksPath = await readHooksPath(root);
  const foreignHooksPath = hooksPath !== undefined && !/^\.husky(\/_)?\/?$/.test(hooksPath);

  let setup: HookSetup;
  const actions: InitAction[] = [];
  const notes: string[] = [];
  const hasPreCommitConfig = existsSync(path.join(root, PRE_COMMIT_CONFIG));
  if (hasPreCommitConfig && options.hooksDir !== undefined) {
    throw new DockguardError(
      `${PRE_COMMIT_CONFIG} is here: the pre-commit framework owns this repository's git hooks, and --hooks-dir would take them from it`,
      'run dockguard init without --hooks-dir: it adds dockguard to the pre-commit config',
    );
  }
  const versionedDir = hasPreCommitConfig ? undefined : await chooseVersionedDir(root, hooksPath, options.hooksDir);
  if (hasPreCommitConfig) {
    setup = 'pre-commit-framework';
    const version = await (options.readPreCommitVersion ?? detectPreCommitVersion)(root);
    const preCommit = planPreCommitEntry(root, toolVersion, choosePreCommitStages(version));
    actions.push(...preCommit.actions);
    notes.push(...preCommit.notes);
    if (preCommit.actions.length === 0) {
      const install = planPreCommitInstall(root, await findHooksDir(root, hooksPath), version);
      actions.push(...install.actions);
      notes.unshift(...install.notes);
    }
  } else if (versionedDir !== undefined) {
    setup = 'versioned-hooks';
    if (options.hooksDir !== undefined) notes.push(...(await checkHooksPathChange(root, hooksPath, versionedDir, options.force)));
    const versioned = planVersionedHooks(root, versionedDir, hooksPath, options.force);
    actions.push(...versioned.actions);
    notes.push(...versioned.notes, 'the hooks run node_modules/.bin/dockguard, else dockguard on PATH, else npx --offline --no-install dockguard');
  } else if (existsSync(path.join(root, 'package.json')) && !foreignHooksPath) {
    setup = 'husky';
    notes.push(...(await checkHooksHidden(root, hooksPath, options.force, { by: 'husky', into: '.husky', skipDockguard: false })));
    const husky = planHuskySetup(root, toolVersion, hooksPath);
    actions.push(...husky.actions);
    notes.push('hooks run by husky: lint-staged before commits, dockguard itself before merge commits', ...husky.notes);
  } else {
    setup = 'git-hook';
    const hooksDir = await findHooksDir(root, hooksPath);
    if (hooksPath !== undefined) checkHooksDirIsFolder(hooksDir, hooksPath);
    actions.push(...planGitHook(hooksDir, options.force, root));
    notes.push(`git hook folder: ${displayPath(root, hooksDir)}${hooksPath ? ' (core.hooksPath)' : ''}`);
    notes.push('the hooks run node_modules/.bin/dockguard, else dockguard on PATH, else npx --offline --no-install dockguard');
  }

  const config = planStarterConfig(root, options.services);
  actions.push(...config.actions);
  notes.push(...config.notes);
  notes.push('check by hand: npx dockguard check   (only what is staged: npx dockguard check --staged)');
  checkWriteTargets(root, await findRepositoryFolders(root), actions, options.force);
  return { root, setup, dryRun: options.dryRun, actions, notes };
}

/** Where init may write: the working tree and git's folders (a linked worktree's hooks are in the main repository's). */
async function findRepositoryFolders(root: string): Promise<string[]> {
  const out = (await runGit(root, ['rev-parse', '--git-dir', '--git-common-dir'])).toString('utf8').trim().split('\n');
  return [root, ...out].map((dir) => realpathSync(path.resolve(root, dir)));
}

/** The versioned hooks folder: --hooks-dir, else the one core.hooksPath names, else one committed (a fresh clone, before anything set core.hooksPath). */
async function chooseVersionedDir(root: string, hooksPath: string | undefined, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given;
  const configured = await readVersionedHooksPath(root, hooksPath);
  if (configured !== undefined || hooksPath !== undefined) return configured;
  // husky's own folder holds its hooks; a husky repository is set up by husky's prepare script.
  return existsSync(path.join(root, '.husky')) ? undefined : findVersionedHooksDir(root);
}

/**
 * Husky, or versioned hooks, point core.hooksPath elsewhere, so a hook in
 * .git/hooks would silently stop running (dockguard's own may go: the new
 * folder runs the same check).
 */
async function checkHooksHidden(root: string, hooksPath: string | undefined, force: boolean, by: { by: string; into: string; skipDockguard: boolean }): Promise<string[]> {
  if (hooksPath !== undefined) return [];
  const hooksDir = await findHooksDir(root, undefined);
  const notes: string[] = [];
  for (const { name } of COMMIT_HOOKS) {
    const hook = path.join(hooksDir, name);
    if (!existsSync(hook) || (by.skipDockguard && readFileSync(hook, 'utf8').includes(HOOK_MARKER))) continue;
    const shown = displayPath(root, hook);
    if (!force) {
      throw new DockguardError(
        `${shown} exists, and ${by.by} would stop git from running it`,
        `move its commands into ${by.into}/${name}, or rerun with --force to set up ${by.by} anyway`,
      );
    }
    notes.push(`${shown} will no longer run once ${by.by} is active: move its commands into ${by.into}/${name}`);
  }
  return notes;
}

/** `--hooks-dir` repoints core.hooksPath: whatever folder it named, or .git/hooks, would stop running. */
async function checkHooksPathChange(root: string, hooksPath: string | undefined, dir: string, force: boolean): Promise<string[]> {
  if (hooksPath === undefined) return checkHooksHidden(root, hooksPath, force, { by: `core.hooksPath ${dir}`, into: dir, skipDockguard: true });
  if (path.resolve(root, hooksPath) === path.resolve(root, dir)) return [];
  if (!force) {
    throw new DockguardError(
      `core.hooksPath is ${hooksPath}: pointing it at ${dir} would stop git running the hooks there`,
      `move them into ${dir}, or rerun with --force to point core.hooksPath at ${dir} anyway`,
    );
  }
  return [`the hooks in ${hooksPath} will no longer run once core.hooksPath is ${dir}: move their commands into ${dir}`];
}
