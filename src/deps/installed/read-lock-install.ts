import path from 'node:path/posix';
import type { RunRecord } from '../../types.js';
import type { InstallCommand } from '../installs.js';
import { normalizeName } from '../normalize-name.js';
import type { PyprojectFile } from '../types.js';
import { addRequirements } from './add-requirements.js';
import { declarationTarget } from './declaration-target.js';
import { readDeclaredNames } from './declared-names.js';
import { loadInstalledFile, locateInstalledFile, repoDirOf, type InstallReadContext } from './install-read-context.js';
import { locateAtRun } from './locate-at-run.js';
import { addProject } from './read-project-install.js';
import { selectLocked } from './select-locked.js';
import { findProjectModules } from './project-modules.js';

/**
 * `uv sync`, `poetry install`, `pipenv install`, `pdm install`: the lock
 * beside the project file, filtered to the groups the command selects.
 * Without a lock in the image (and no `--frozen`), the tool resolves the
 * declaration afresh: its direct dependencies count and the set is incomplete.
 */
export async function readLockInstall(install: InstallCommand, run: RunRecord, ctx: InstallReadContext): Promise<string[]> {
  const [declarationName, lockName] = install.files as [string, string];
  const what = `\`${install.exportedBy ?? (install.tool === 'uv-sync' ? 'uv sync' : `${install.tool} install`)}\` on line ${install.line}`;
  if (install.tool === 'pipenv' && install.inline.length > 0) return [];
  const lockImagePath = path.resolve(install.cwd, lockName);
  const lockThere = locateAtRun(lockImagePath, run, ctx.image, ctx.snapshot).kind !== 'missing';
  const declarationRepo = install.tool === 'pipenv'
    ? await locateInstalledFile(declarationName, install.cwd, run, ctx, what)
    : undefined;
  const declaration = install.tool === 'pipenv' ? undefined : ((await loadInstalledFile(declarationName, install.cwd, run, ctx, what)) as PyprojectFile | undefined);
  if (!lockThere && !install.frozen) {
    if (declaration) addProject(declaration, install.extras, install, ctx);
    ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `${what} resolves without a lock (${lockImagePath} is not in the image), so only direct dependencies are known` });
    if (declaration) ctx.set.declarations.push(await declarationTarget(declaration, undefined, install.line, ctx.files));
    return declaration ? [declaration.path] : [];
  }
  if (install.tool === 'pdm') {
    if (declaration) addProject(declaration, install.extras, install, ctx);
    ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: 'pdm.lock is not read, so only the direct dependencies of pyproject.toml are known' });
    return declaration ? [declaration.path] : [];
  }
  const lock = await loadInstalledFile(lockName, install.cwd, run, ctx, what);
  if (!lock) return declaration ? [declaration.path] : [];
  const declaredIn = declaration?.path ?? declarationRepo;
  const names = declaredIn ? await readDeclaredNames(declaredIn, ctx.files, ctx.pythonVersion) : undefined;
  const chosen = selectLocked(lock.requirements, install, defaultGroups(install, declaration));
  addRequirements(ctx.set, chosen, {
    via: 'lock', lock: lock.path, trustDirect: lock.format === 'uv-lock',
    ...(declaredIn && names ? { declared: { file: declaredIn, names } } : {}),
  });
  if (declaration && !install.noProject) {
    if (declaration.projectName) ctx.set.add({ name: normalizeName(declaration.projectName), extras: [], file: declaration.path, line: 1, via: 'project' });
    for (const name of findProjectModules(repoDirOf(declaration.path), ctx.snapshot.files)) ctx.set.projectModules.add(name);
  }
  if (declaredIn) ctx.set.declarations.push(await declarationTarget(declaration ?? declaredIn, lock.path, install.line, ctx.files));
  return [...(declaredIn ? [declaredIn] : []), lock.path];
}

function defaultGroups(install: InstallCommand, declaration: PyprojectFile | undefined): string[] {
  if (install.tool === 'uv-sync') {
    const defaults = declaration?.uvDefaultGroups ?? ['dev'];
    return ['main', ...(defaults === 'all' ? Object.keys(declaration?.groups ?? {}) : defaults)];
  }
  if (install.tool === 'pipenv') return ['default'];
  const groups = Object.keys(declaration?.groups ?? {}).filter((g) => !(declaration?.optionalGroups ?? []).includes(g));
  return ['main', ...groups];
}
