import type { DockguardConfig } from '../../config/schema.js';
import type { ImageModel, RepoSnapshot, RunRecord } from '../../types.js';
import { extractInstalls, SYSTEM_TOOLS, type InstallCommand } from '../installs.js';
import { findHiddenSystemInstall } from '../installs/hidden-system-install.js';
import { normalizeName } from '../normalize-name.js';
import type { DependencyFileCache } from './dependency-file-cache.js';
import { findWheelBuilds } from './find-wheel-builds.js';
import { installLanding, overlaps, SYSTEM_BIN } from './install-landing.js';
import type { InstallReadContext } from './install-read-context.js';
import { InstalledSet } from './installed-set.js';
import { readLockInstall } from './read-lock-install.js';
import { readPipInstall } from './read-pip-install.js';
import { copiedStages, stageChain } from './stage-chain.js';
import { findOpaqueInstaller } from './find-opaque-installer.js';
import { followRunScripts } from './follow-run-scripts.js';
import { debianPythonClosure, pypiNameOfDebianPackage } from './debian-python-names.js';
import type { Problem } from '../../types.js';

export interface CollectInput {
  image: ImageModel;
  snapshot: RepoSnapshot;
  files: DependencyFileCache;
  config: DockguardConfig;
  pythonVersion: string;
}

/**
 * What the image installs: the RUNs of the target's FROM chain, plus those
 * of stages the image copies an install location from (a venv, a
 * `--prefix` folder, site-packages), and the base image's packages from config.
 */
export async function collectInstalled(input: CollectInput): Promise<{ set: InstalledSet; problems: Problem[] }> {
  const { image } = input;
  const ctx: InstallReadContext = {
    image, snapshot: input.snapshot, files: input.files, pythonVersion: input.pythonVersion, set: new InstalledSet(), problems: [],
    wheelBuilds: image.runs.flatMap((run) => findWheelBuilds(run, image.dockerfile)),
  };
  const chain = stageChain(image);
  const copied = copiedStages(image);
  for (const run of image.runs) {
    const inChain = chain.includes(run.stage);
    const copiedPaths = copied.get(run.stage);
    if (!inChain && copiedPaths === undefined) continue;
    for (const record of await followRunScripts(run, image, input.snapshot, (file) => ctx.set.scripts.add(file))) {
      const hidden = inChain ? findHiddenSystemInstall(record) : undefined;
      if (hidden !== undefined && !ctx.set.systemUnknown.has(run.stage)) ctx.set.systemUnknown.set(run.stage, `line ${run.line} ${hidden}`);
      const opaque = await findOpaqueInstaller(record, run, image, input.snapshot);
      if (opaque !== undefined) ctx.set.incomplete.push({ file: image.dockerfile, line: run.line, reason: opaque });
      for (const install of extractInstalls(record, image.dockerfile)) {
        // An install inside a script the RUN calls is reported at the RUN.
        if (record !== run) atLine(install, run.line);
        if (!inChain && !landsIn(install, run, copiedPaths ?? [])) continue;
        await readOne(install, record, ctx);
      }
    }
  }
  addBasePackages(ctx.set, input.config.basePackages, image);
  return { set: ctx.set, problems: ctx.problems };
}

/**
 * `apt-get install python3-yaml` puts PyYAML in Debian's dist-packages, which
 * only Debian's own python3 reads. On the official python image `python`
 * and `python3` are /usr/local/bin's interpreter, which never sees them, so
 * they count only on other images. apt also installs each one's Depends
 * (python3-requests brings python3-chardet), which count as installed too.
 */
function addDebianPythonPackages(install: InstallCommand, ctx: InstallReadContext): void {
  let added = false;
  for (const debian of install.inline) {
    for (const pkg of debianPythonClosure(debian.split('=')[0] as string)) {
      const name = pypiNameOfDebianPackage(pkg);
      if (name === undefined) continue;
      ctx.set.add({ name, extras: [], file: ctx.image.dockerfile, line: install.line, via: 'inline', osPackage: 'apt' });
      added = true;
    }
  }
  if (added) ctx.set.osPythonInstalls.push({ line: install.line, manager: 'apt' });
}

/**
 * `apk add py3-numpy` puts numpy in Alpine's python3 site-packages (seen by
 * Alpine's own python3 only, as with Debian's). Alpine names them
 * `py3-<name>` after the project, mostly but not always (py3-yaml is
 * PyYAML, py3-dateutil python-dateutil), and dockguard has no Alpine index:
 * each is added under its name, and the set is marked as a guess so that
 * an import none of them matches is never a proven absence.
 */
function addAlpinePythonPackages(install: InstallCommand, ctx: InstallReadContext): void {
  const python = install.inline.map((p) => p.split('=')[0] as string).filter((p) => /^py3-[a-z0-9]/.test(p) && !/^py3-(pip|setuptools|wheel)$/.test(p));
  if (python.length === 0) return;
  for (const apk of python) ctx.set.add({ name: normalizeName(apk.slice(4)), extras: [], file: ctx.image.dockerfile, line: install.line, via: 'inline', osPackage: 'apk' });
  ctx.set.osPythonInstalls.push({ line: install.line, manager: 'apk' });
  ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `line ${install.line} installs Alpine's Python packages (${python.join(', ')}), whose distributions dockguard knows only by their names` });
}

/**
 * A virtualenv made without --system-site-packages whose bin/ leads the
 * final image's PATH: the container's `python` is its interpreter, whose
 * sys.path holds no dist-packages, so apt's and apk's Python packages are
 * invisible to it (unless the command names the system interpreter).
 */
function isolatedVenvOnPath(image: ImageModel): string | undefined {
  const bin = (image.env.PATH ?? '').split(':').find((p) => p.endsWith('/bin') && !SYSTEM_BIN.has(p));
  if (bin === undefined) return undefined;
  const dir = bin.slice(0, -'/bin'.length);
  const escaped = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const makes = new RegExp(`(?:-m\\s+venv|\\bvirtualenv|\\buv\\s+venv)\\b[^&;|]*\\s${escaped}/?(?:\\s|$|[&;|])`);
  const made = image.runs.find((run) => makes.test(run.command));
  if (made === undefined || made.command.includes('--system-site-packages')) return undefined;
  if (/\/usr\/bin\/python/.test(JSON.stringify([image.entrypoint, image.cmd]))) return undefined;
  return dir;
}

function runsOfficialPython(image: ImageModel, stage: string): boolean {
  const root = image.stages?.find((s) => s.label === stageChain(image, stage).at(-1));
  const base = root?.base ?? image.base;
  return base.kind === 'known' && base.pythonImage !== undefined;
}

function atLine(install: InstallCommand, line: number): void {
  install.line = line;
  for (const problem of install.problems) problem.line = line;
}

function landsIn(install: InstallCommand, run: RunRecord, copiedPaths: string[]): boolean {
  if (SYSTEM_TOOLS.has(install.tool)) return true;
  const landing = installLanding(install, run);
  return landing === undefined || landing.some((dir) => copiedPaths.some((copiedPath) => overlaps(dir, copiedPath)));
}

async function readOne(install: InstallCommand, run: RunRecord, ctx: InstallReadContext): Promise<void> {
  const { set } = ctx;
  set.currentStage = run.stage;
  set.currentPullsDependencies = !install.noDeps;
  if (SYSTEM_TOOLS.has(install.tool)) {
    const packages = set.systemPackages.get(run.stage) ?? new Set<string>();
    for (const name of install.inline) packages.add(name.split('=')[0] as string);
    set.systemPackages.set(run.stage, packages);
    const managers = set.systemManagers.get(run.stage) ?? new Set<string>();
    set.systemManagers.set(run.stage, managers.add(install.tool));
    if (install.inline.some((name) => /[$`]/.test(name)) && !set.systemUnknown.has(run.stage)) {
      set.systemUnknown.set(run.stage, `line ${install.line} installs OS packages named by a variable or command output`);
    }
    const seesOsPackages = !runsOfficialPython(ctx.image, run.stage) && isolatedVenvOnPath(ctx.image) === undefined;
    if (install.tool === 'apt' && seesOsPackages) addDebianPythonPackages(install, ctx);
    if (install.tool === 'apk' && seesOsPackages) addAlpinePythonPackages(install, ctx);
    return;
  }
  for (const problem of install.problems) {
    ctx.problems.push({ ...problem, file: ctx.image.dockerfile });
    set.incomplete.push({ file: ctx.image.dockerfile, line: problem.line, reason: problem.message });
  }
  if (install.tool === 'conda') return;
  const isLockTool = install.tool === 'uv-sync' || install.tool === 'poetry' || install.tool === 'pipenv' || install.tool === 'pdm';
  const read = isLockTool && !(install.tool === 'pipenv' && install.inline.length > 0) ? await readLockInstall(install, run, ctx) : await readPipInstall(install, run, ctx);
  if (install.tool === 'pipenv' && install.inline.length > 0) {
    for (const spec of install.inline) set.add({ name: normalizeName(spec.split(/[=<>~![;]/)[0] ?? spec), extras: [], file: ctx.image.dockerfile, line: install.line, via: 'inline' });
  }
  set.installs.push({ line: install.line, stage: run.stage, tool: install.tool, files: [...new Set(read)], inline: install.inline });
  if (install.files.length === 0 && install.inline.length > 0 && !set.declarations.some((d) => d.installLine === install.line)) {
    set.declarations.push({ file: ctx.image.dockerfile, kind: 'dockerfile', afterLine: install.line, installLine: install.line });
  }
}

/**
 * What the base image brings: `basePackages` from the config when one of its
 * globs matches, else the distributions data/base-images.json knows. An
 * unknown image may hold any package, so the set is marked incomplete: an
 * absence then proves nothing, and the reason says how to declare it.
 */
function addBasePackages(set: InstalledSet, basePackages: Record<string, string[]>, image: ImageModel): void {
  const base = image.baseImage;
  set.currentStage = undefined;
  set.currentPullsDependencies = false;
  let declared = false;
  for (const [glob, distributions] of Object.entries(basePackages)) {
    const pattern = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (base === undefined || !pattern.test(base)) continue;
    declared = true;
    for (const name of distributions) set.add({ name: normalizeName(name), extras: [], file: 'dockguard config (basePackages)', line: 0, via: 'base-image' });
  }
  if (declared) return;
  if (image.base.kind === 'known') {
    for (const name of image.base.distributions) set.add({ name, extras: [], file: `base image ${image.base.reference}`, line: 0, via: 'base-image' });
    return;
  }
  set.incomplete.push({ file: image.dockerfile, line: 0, reason: `${image.base.why}; declare its Python packages in the config's "basePackages"` });
}
