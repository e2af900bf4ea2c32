import path from 'node:path/posix';
import type { RunRecord } from '../../types.js';
import { findCompanionLock } from '../find-companion-lock.js';
import { asLockInstall, extractLockExports, type InstallCommand } from '../installs.js';
import { nameFromLocation } from '../name-from-location.js';
import { parseRequirement } from '../parse-requirement.js';
import { pinnedRelease } from '../pinned-release.js';
import { INSTALL_UNANALYSABLE } from '../rules.js';
import { addPyprojectSelections } from './add-pyproject-selections.js';
import { addRequirements } from './add-requirements.js';
import { addUnsafeFooter } from './add-unsafe-footer.js';
import { declarationTarget } from './declaration-target.js';
import { findDeclarationOf, readDeclaredNames } from './declared-names.js';
import { loadInstalledFile, locateInstalledFile, type InstallReadContext } from './install-read-context.js';
import { readDirectoryInstall } from './read-project-install.js';
import { readWheelInstall } from './read-wheel-install.js';
import { locateAtRun, projectAtRun } from './locate-at-run.js';
import { readLockInstall } from './read-lock-install.js';
import type { Requirement } from '../types.js';

/** Looks like a path rather than a requirement: `.`, `./libs/x`, `/wheels/*.whl`, `dist/app-1.0.tar.gz`. */
const isPathLike = (word: string): boolean => /^[./~]/.test(word) || /\.(whl|tar\.gz|zip)$/i.test(word) || (word.includes('/') && !word.includes('://') && !/[=<>~!@;]/.test(word));

/** `pip install` / `uv pip install|sync`: requirement files, inline specs, paths, wheels, editables. */
export async function readPipInstall(install: InstallCommand, run: RunRecord, ctx: InstallReadContext): Promise<string[]> {
  const read: string[] = [];
  const what = `\`${install.tool.replace('-', ' ')} install\` on line ${install.line}`;
  // `--group [path:]name`: a group of the pyproject.toml -r names, else of that path (pip's default: ./pyproject.toml).
  const groups = install.groups.with.map((g) => /^(?<file>.*\.toml):(?<name>.+)$/.exec(g)?.groups ?? { file: undefined, name: g });
  const readsPyproject = install.files.some((f) => path.basename(f) === 'pyproject.toml');
  const withFiles = readsPyproject ? groups.filter((g) => g.file === undefined).map((g) => g.name) : [];
  const apart = groups.filter((g) => g.file !== undefined || !readsPyproject).map((g) => ({ file: g.file ?? 'pyproject.toml', name: g.name }));
  for (const written of new Set(apart.map((g) => g.file))) {
    const file = await loadInstalledFile(written, install.cwd, run, ctx, what);
    if (!file) continue;
    read.push(file.path);
    addPyprojectSelections(file, { extras: [], allExtras: false, groups: apart.filter((g) => g.file === written).map((g) => g.name) }, ctx.set);
  }
  for (const written of install.files) {
    const exported = findExportedLock(path.resolve(install.cwd, written), install, run, ctx);
    if (exported) {
      read.push(...(await readLockInstall(exported.install, exported.run, ctx)));
      continue;
    }
    const file = await loadInstalledFile(written, install.cwd, run, ctx, what);
    if (!file) continue;
    read.push(file.path, ...file.includes);
    addPyprojectSelections(file, { extras: install.extras, allExtras: install.allExtras, groups: withFiles }, ctx.set);
    const declaration = findDeclarationOf(file.path, ctx.snapshot.files);
    const declared = declaration ? { file: declaration, names: await readDeclaredNames(declaration, ctx.files, ctx.pythonVersion) } : undefined;
    const projects = new Map(file.requirements.flatMap((r) => {
      const dir = localProjectDir(r, install, run, ctx);
      return dir === undefined ? [] : [[r, dir] as const];
    }));
    addRequirements(ctx.set, projects.size === 0 ? file.requirements : file.requirements.filter((r) => !projects.has(r)), { via: declaration ? 'lock' : 'requirements', lock: file.path, ...(declared ? { declared } : {}) });
    // `-e ./libs/common` in the file: the project at that folder, as `pip install -e ./libs/common` would read it.
    for (const [r, dir] of projects) read.push(...(await readDirectoryInstall(dir, r.extras, install, run, ctx, what)));
    if (!install.noDeps) await addUnsafeFooter(file.path, declaration, ctx);
    const lock = declaration ? file.path : findCompanionLock(file.path, ctx.snapshot.files);
    ctx.set.declarations.push(await declarationTarget(declaration ?? file, lock, install.line, ctx.files));
  }
  for (const written of install.constraints) await locateInstalledFile(written, install.cwd, run, ctx, what);
  for (const word of [...install.inline, ...install.editables]) {
    if (/\$\{?[A-Za-z_]/.test(word)) continue; // already reported by extractInstalls, with its line
    if (isPathLike(word)) read.push(...(await readPathInstall(word, install, run, ctx, what)));
    else readInlineSpec(word, install, ctx);
  }
  return read;
}

/**
 * A requirements file an earlier RUN exported from a lock (`poetry export -o
 * /tmp/requirements.txt`), in this stage or in one it was copied from
 * (`COPY --from=requirements-stage /tmp/requirements.txt .`, the layout
 * FastAPI's documentation shows): the lock install it stands for, read in
 * the exporting RUN's stage, landing where this pip install puts packages.
 */
function findExportedLock(imagePath: string, install: InstallCommand, run: RunRecord, ctx: InstallReadContext): { install: InstallCommand; run: RunRecord } | undefined {
  const located = locateAtRun(imagePath, run, ctx.image, ctx.snapshot);
  if (located.kind !== 'unknown' || located.writtenBy === undefined) return undefined;
  const { stage, line, path: writtenPath } = located.writtenBy;
  const exportRun = ctx.image.runs.find((r) => r.stage === stage && r.line === line);
  const lockExport = exportRun && extractLockExports(exportRun).findLast((e) => e.output === writtenPath);
  return lockExport ? { install: asLockInstall(lockExport, install), run: exportRun } : undefined;
}

/**
 * The image folder of a requirement that names a local project by path
 * (`-e ./libs/common`, `./libs/common`, `file:///libs/common`), when a
 * project file is there when the RUN starts. pip takes such a path from its
 * working directory. Anything else (a URL, an archive, a folder not there)
 * stays a requirement whose name only a build could tell.
 */
function localProjectDir(r: Requirement, install: InstallCommand, run: RunRecord, ctx: InstallReadContext): string | undefined {
  if ((r.kind !== 'path' && r.kind !== 'editable') || r.url === undefined || r.markerResult === false) return undefined;
  const written = r.url.replace(/^file:\/\//, '').replace(/\[[^\]]*\]$/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || /\.(whl|zip|tar\.gz|tgz)$/i.test(written)) return undefined;
  const dir = path.resolve(install.cwd, written);
  return projectAtRun(dir, run, ctx.image, ctx.snapshot) === undefined ? undefined : dir;
}

async function readPathInstall(word: string, install: InstallCommand, run: RunRecord, ctx: InstallReadContext, what: string): Promise<string[]> {
  if (/\*|\.whl$/i.test(word)) return readWheelInstall(word, install, run, ctx);
  if (/\.(tar\.gz|zip)$/i.test(word)) {
    const { name } = nameFromLocation(word);
    if (name) ctx.set.add({ name, extras: [], file: ctx.image.dockerfile, line: install.line, via: 'inline' });
    else ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `cannot tell what ${word} installs` });
    return [];
  }
  const extras = /\[([^\]]*)\]$/.exec(word)?.[1]?.split(',').map((x) => x.trim()).filter(Boolean) ?? [];
  const dir = path.resolve(install.cwd, word.replace(/\[[^\]]*\]$/, ''));
  return readDirectoryInstall(dir, [...extras, ...install.extras], install, run, ctx, what);
}

function readInlineSpec(word: string, install: InstallCommand, ctx: InstallReadContext): void {
  const vcs = /^(git|hg|svn|bzr)\+|:\/\//.test(word);
  const parsed = vcs ? undefined : parseRequirement(word);
  const name = parsed?.ok ? parsed.value.name : nameFromLocation(word).name;
  if (name) {
    const version = parsed?.ok ? pinnedRelease(parsed.value.specifier) : undefined;
    ctx.set.add({ name, extras: parsed?.ok ? parsed.value.extras : [], ...(version !== undefined ? { version } : {}), file: ctx.image.dockerfile, line: install.line, via: 'inline' });
    return;
  }
  const message = `\`${word}\` on line ${install.line} names no package dockguard can read, so what it installs is unknown`;
  ctx.problems.push({ rule: INSTALL_UNANALYSABLE, severity: 'warning', file: ctx.image.dockerfile, line: install.line, message });
  ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: message });
}
