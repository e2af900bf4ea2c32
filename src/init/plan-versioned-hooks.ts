import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import { runGit, splitNul } from '../git/run-git.js';
import type { InitAction } from './init-plan.js';
import { HOOK_MARKER } from './package-files.js';
import { planGitHook } from './plan-git-hook.js';
import { readJsonFile } from './read-json-file.js';

/**
 * Versioned plain hooks (`init --hooks-dir .githooks`): the shipped hooks
 * written into a folder of the working tree, committed with the code, and
 * `core.hooksPath` pointed at it. That setting lives in each clone's own
 * config, so every clone needs it once: `npx dockguard init` sets it (it finds
 * the folder), and with a package.json the `prepare` script does on
 * `npm install`. `dir` is repository-relative, with `/`.
 */
export function planVersionedHooks(root: string, dir: string, hooksPath: string | undefined, force: boolean): { actions: InitAction[]; notes: string[] } {
  const actions: InitAction[] = [];
  const manifestFile = path.join(root, 'package.json');
  if (existsSync(manifestFile)) {
    const manifest = readJsonFile(manifestFile, root);
    const prepare = (manifest.scripts as Record<string, unknown> | undefined)?.prepare;
    const line = prepareLine(dir);
    if (typeof prepare !== 'string' || prepare.trim() === '') actions.push(editPrepare(manifestFile, line));
    else if (!prepare.includes('core.hooksPath')) actions.push(editPrepare(manifestFile, `${prepare} && (${line})`));
  }
  actions.push(...planGitHook(path.join(root, dir), force, root));
  if (hooksPath === undefined || normalize(hooksPath) !== dir) {
    // Per clone, and changes nothing in the repository: a fresh clone of a set-up repository needs only this.
    actions.push({ kind: 'run', argv: ['git', 'config', 'core.hooksPath', dir], cwd: root, why: 'git runs the hooks of the versioned folder; core.hooksPath is set per clone', isForClone: true });
  }
  const teammates = existsSync(manifestFile) ? '`npm install` (the prepare script) or `npx dockguard init`' : '`npx dockguard init`';
  return { actions, notes: [`versioned hook folder: ${dir} (commit it; in each clone ${teammates} points git at it)`] };
}

/** git fails outside a work tree (an image's `npm ci` has no .git): the install must not fail with it. */
export const prepareLine = (dir: string): string => `git config core.hooksPath ${dir} || true`;

const editPrepare = (file: string, value: string): InitAction => ({
  kind: 'edit-json',
  path: file,
  set: [{ keyPath: ['scripts', 'prepare'], value }],
  why: 'npm install points git at the versioned hooks',
});

const normalize = (dir: string): string => path.posix.normalize(dir.replace(/\\/g, '/')).replace(/\/$/, '');

/**
 * Checks a `--hooks-dir` and returns it repository-relative with `/`. It must
 * be a folder of the working tree outside .git (it is committed), and its name
 * goes into the prepare script, so only plain path characters are accepted.
 */
export function checkHooksDirOption(root: string, cwd: string, given: string): string {
  const relative = path.relative(root, path.resolve(cwd, given)).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new DockguardError(`--hooks-dir ${given} is not a folder inside the repository`, 'name a folder of the working tree to commit the hooks in, e.g. --hooks-dir .githooks');
  }
  if (relative === '.git' || relative.startsWith('.git/')) {
    throw new DockguardError(`--hooks-dir ${given} is inside .git, which is not versioned`, 'name a folder of the working tree, e.g. --hooks-dir .githooks; without --hooks-dir init uses .git/hooks');
  }
  if (!/^[A-Za-z0-9._/-]+$/.test(relative)) {
    throw new DockguardError(`--hooks-dir ${given}: only letters, digits, '.', '_', '-' and '/' are accepted`, 'the folder name goes into git config and a package.json script; rename it, e.g. --hooks-dir .githooks');
  }
  return relative;
}

/**
 * A fresh clone of a repository set up with versioned hooks: a tracked
 * `<dir>/pre-commit` that is dockguard's hook (outside husky's folder, which
 * husky itself points git at). Undefined when there is none.
 */
export async function findVersionedHooksDir(root: string): Promise<string | undefined> {
  const tracked = splitNul(await runGit(root, ['ls-files', '-z', '--', ':(glob)**/pre-commit']));
  const dirs = tracked
    .filter((file) => file.includes('/') && !file.startsWith('.husky/'))
    .filter((file) => readFileSafe(path.join(root, file)).includes(HOOK_MARKER))
    .map((file) => path.posix.dirname(file));
  return dirs.sort()[0];
}

/** The folder `core.hooksPath` names, when it is a tracked folder of the working tree holding dockguard's hook. */
export async function readVersionedHooksPath(root: string, hooksPath: string | undefined): Promise<string | undefined> {
  if (hooksPath === undefined || hooksPath.startsWith('~') || path.isAbsolute(hooksPath)) return undefined;
  const dir = normalize(hooksPath);
  if (dir === '.' || dir.startsWith('..') || dir === '.git' || dir.startsWith('.git/') || dir.startsWith('.husky')) return undefined;
  const tracked = await runGit(root, ['ls-files', '-z', '--', `:(literal)${dir}/pre-commit`]);
  return tracked.length > 0 && readFileSafe(path.join(root, dir, 'pre-commit')).includes(HOOK_MARKER) ? dir : undefined;
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
