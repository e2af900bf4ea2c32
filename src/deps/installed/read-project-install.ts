import path from 'node:path/posix';
import type { RunRecord } from '../../types.js';
import { findCompanionLock } from '../find-companion-lock.js';
import type { InstallCommand } from '../installs.js';
import { normalizeName } from '../normalize-name.js';
import type { PyprojectFile } from '../types.js';
import { addRequirements } from './add-requirements.js';
import { declarationTarget } from './declaration-target.js';
import { loadInstalledFile, locateInstalledFile, repoDirOf, type InstallReadContext } from './install-read-context.js';
import { readSetuptoolsProject } from '../read-setuptools-project.js';
import { hasDirAtRun, locateAtRun } from './locate-at-run.js';
import { findProjectModules } from './project-modules.js';

/**
 * `pip install .` / `-e ./libs/common` / `uv pip install ./svc[gcp]`: the
 * project's main dependencies (and the extras asked for) get installed, and
 * its own packages become importable. A setuptools project declares them in
 * pyproject's [project] table, or, without one (a pyproject.toml of tool
 * settings, or none), in setup.cfg and setup.py.
 */
export async function readDirectoryInstall(dir: string, extras: string[], install: InstallCommand, run: RunRecord, ctx: InstallReadContext, what: string): Promise<string[]> {
  const at = (name: string) => locateAtRun(path.join(dir, name), run, ctx.image, ctx.snapshot);
  const legacy = LEGACY_FILES.filter((n) => at(n).kind === 'found');
  const pyproject = at('pyproject.toml');
  if (pyproject.kind !== 'found') {
    if (legacy.length > 0) return readSetuptoolsInstall(dir, legacy, extras, install, run, ctx, what);
    const reason = hasDirAtRun(dir, run, ctx.image) || pyproject.kind === 'unknown' ? `${what} installs ${dir}, whose project file dockguard cannot see` : undefined;
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
  if (!project.declaresMetadata) {
    // pip builds a pyproject without [build-system] with setuptools, as it builds a bare setup.py.
    if (project.buildBackend !== undefined && !project.buildBackend.startsWith('setuptools')) {
      ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `${what} installs ${dir} with ${project.buildBackend}, from metadata outside the [project] table that dockguard does not read` });
      return [project.path];
    }
    // A setuptools project with no setup.cfg or setup.py either installs no dependencies.
    if (legacy.length > 0) return [project.path, ...(await readSetuptoolsInstall(dir, legacy, extras, install, run, ctx, what))];
  }
  addProject(project, extras, install, ctx);
  ctx.set.declarations.push(await declarationTarget(project, findCompanionLock(project.path, ctx.snapshot.files), install.line, ctx.files));
  return [project.path, ...project.includes];
}

/** The files a setuptools project without a [project] table is declared in (setup.py's keywords win over setup.cfg's options). */
const LEGACY_FILES = ['setup.cfg', 'setup.py'] as const;

/** Dependencies from setup.cfg/setup.py, read without running them; computed ones leave the installed set incomplete. */
async function readSetuptoolsInstall(dir: string, present: ReadonlyArray<(typeof LEGACY_FILES)[number]>, extras: string[], install: InstallCommand, run: RunRecord, ctx: InstallReadContext, what: string): Promise<string[]> {
  const files: Parameters<typeof readSetuptoolsProject>[0] = {};
  for (const name of present) {
    const repoPath = await locateInstalledFile(path.join(dir, name), '/', run, ctx, what);
    const text = repoPath === undefined ? undefined : await ctx.files.text(repoPath);
    if (repoPath === undefined || typeof text !== 'string') {
      ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `${what} installs ${dir} through ${name}, which cannot be read` });
      return [];
    }
    files[name === 'setup.cfg' ? 'cfg' : 'py'] = { path: repoPath, text };
  }
  const reading = await readSetuptoolsProject(files, { pythonVersion: ctx.pythonVersion });
  const paths = Object.values(files).map((f) => f.path);
  if ('unread' in reading) {
    ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `${what} installs ${dir} through ${present.join(' and ')}, whose dependencies dockguard does not read (${reading.unread})` });
    return paths;
  }
  const { name, requirements, extras: optional } = reading.project;
  addProject({ path: files.py?.path ?? files.cfg!.path, projectName: name, requirements, extras: optional }, extras, install, ctx);
  return paths;
}

/** The project itself and its main + requested optional dependencies. */
export function addProject(project: Pick<PyprojectFile, 'path' | 'projectName' | 'requirements' | 'extras'>, extras: string[], install: InstallCommand, ctx: InstallReadContext): void {
  const wanted = install.allExtras ? Object.keys(project.extras) : extras.map(normalizeName);
  // `pip install --no-deps .` installs the project alone.
  if (!install.noDeps) {
    addRequirements(ctx.set, project.requirements, { via: 'pyproject' });
    for (const extra of wanted) addRequirements(ctx.set, project.extras[extra] ?? [], { via: 'pyproject' });
  }
  if (install.noProject) return;
  if (project.projectName !== undefined) {
    ctx.set.add({ name: normalizeName(project.projectName), extras: wanted, file: project.path, line: 1, via: 'project' });
  }
  for (const name of findProjectModules(repoDirOf(project.path), ctx.snapshot.files)) ctx.set.projectModules.add(name);
}
