import path from 'node:path/posix';
import type { RunRecord } from '../../types.js';
import { findCompanionLock } from '../find-companion-lock.js';
import type { InstallCommand } from '../installs.js';
import { normalizeName } from '../normalize-name.js';
import type { PyprojectFile } from '../types.js';
import { addRequirements } from './add-requirements.js';
import { declarationTarget } from './declaration-target.js';
import { loadInstalledFile, repoDirOf, type InstallReadContext } from './install-read-context.js';
import { hasDirAtRun, locateAtRun } from './locate-at-run.js';
import { findProjectModules } from './project-modules.js';

/**
 * `pip install .` / `-e ./libs/common` / `uv pip install ./svc[gcp]`: the
 * project's main dependencies (and the extras asked for) get installed, and
 * its own packages become importable.
 */
export async function readDirectoryInstall(dir: string, extras: string[], install: InstallCommand, run: RunRecord, ctx: InstallReadContext, what: string): Promise<string[]> {
  const pyproject = locateAtRun(path.join(dir, 'pyproject.toml'), run, ctx.image, ctx.snapshot);
  if (pyproject.kind !== 'found') {
    const legacy = ['setup.py', 'setup.cfg'].find((n) => locateAtRun(path.join(dir, n), run, ctx.image, ctx.snapshot).kind === 'found');
    const reason = legacy
      ? `${what} installs ${dir} through ${legacy}, whose dependencies dockguard does not read`
      : hasDirAtRun(dir, run, ctx.image) || pyproject.kind === 'unknown'
        ? `${what} installs ${dir}, whose project file dockguard cannot see`
        : undefined;
    if (reason !== undefined) {
      ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason });
      return [];
    }
    // Nothing at all there: pip fails with "does not appear to be a Python project".
    await loadInstalledFile(path.join(dir, 'pyproject.toml'), '/', run, ctx, what);
    return [];
  }
  const project = (await loadInstalledFile(path.join(dir, 'pyproject.toml'), '/', run, ctx, what)) as PyprojectFile | undefined;
  if (!project) return [];
  addProject(project, extras, install, ctx);
  ctx.set.declarations.push(await declarationTarget(project, findCompanionLock(project.path, ctx.snapshot.files), install.line, ctx.files));
  return [project.path, ...project.includes];
}

/** The project itself and its main + requested optional dependencies. */
export function addProject(project: PyprojectFile, extras: string[], install: InstallCommand, ctx: InstallReadContext): void {
  addRequirements(ctx.set, project.requirements, { via: 'pyproject' });
  const wanted = install.allExtras ? Object.keys(project.extras) : extras.map(normalizeName);
  for (const extra of wanted) addRequirements(ctx.set, project.extras[extra] ?? [], { via: 'pyproject' });
  if (install.noProject) return;
  if (project.projectName !== undefined) {
    ctx.set.add({ name: normalizeName(project.projectName), extras: wanted, file: project.path, line: 1, via: 'project' });
  }
  for (const name of findProjectModules(repoDirOf(project.path), ctx.snapshot.files)) ctx.set.projectModules.add(name);
}
