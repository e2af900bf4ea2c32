import path from 'node:path/posix';
import { asImagePath, asRepoPath, type ImageModel, type Problem, type RepoPath, type RepoSnapshot, type RunRecord } from '../../types.js';
import type { DependencyFile } from '../types.js';
import type { DependencyFileCache } from './dependency-file-cache.js';
import type { InstalledSet } from './installed-set.js';
import { locateAtRun } from './locate-at-run.js';
import type { WheelBuild } from './find-wheel-builds.js';

/** Everything reading one service's installs needs; `set` and `problems` collect the results. */
export interface InstallReadContext {
  image: ImageModel;
  snapshot: RepoSnapshot;
  files: DependencyFileCache;
  pythonVersion: string;
  set: InstalledSet;
  problems: Problem[];
  wheelBuilds: WheelBuild[];
}

/**
 * Finds the repository file an install names and loads it. A file the stage
 * lacks when the RUN starts fails the build (copy-source-missing); one
 * dockguard cannot see makes the installed set incomplete. Either way
 * nothing is returned and the reason is recorded.
 */
export async function loadInstalledFile(written: string, cwd: string, run: RunRecord, ctx: InstallReadContext, why: string): Promise<DependencyFile | undefined> {
  const repoPath = await locateInstalledFile(written, cwd, run, ctx, why);
  if (repoPath === undefined) return undefined;
  const file = await ctx.files.load(repoPath, ctx.pythonVersion);
  for (const problem of file.problems) {
    if (!ctx.problems.some((p) => p.rule === problem.rule && p.file === problem.file && p.line === problem.line)) ctx.problems.push(problem);
    if (problem.severity !== 'info') ctx.set.incomplete.push({ file: problem.file, line: problem.line, reason: `${problem.file} could not be read completely` });
  }
  for (const include of file.includes) await requireIncluded(include, repoPath, run, ctx);
  return file;
}

export async function locateInstalledFile(written: string, cwd: string, run: RunRecord, ctx: InstallReadContext, why: string): Promise<RepoPath | undefined> {
  const imagePath = path.resolve(cwd, written);
  const located = locateAtRun(imagePath, run, ctx.image, ctx.snapshot);
  if (located.kind === 'found') {
    ctx.set.fileReads.push({ repoPath: located.repoPath, imagePath, line: run.line });
    return located.repoPath;
  }
  const dockerfile = ctx.image.dockerfile;
  if (located.kind === 'unknown') {
    ctx.set.incomplete.push({ file: dockerfile, line: run.line, reason: `cannot tell what ${imagePath} holds: ${located.reason}` });
    return undefined;
  }
  ctx.problems.push({
    rule: 'copy-source-missing',
    severity: 'error',
    file: dockerfile,
    line: run.line,
    message: `${why} needs ${imagePath}, which stage ${run.stage} does not hold when this RUN starts; COPY it before the RUN`,
  });
  // Copied later (`RUN pip install -r requirements.txt` before `COPY . .`): the build fails, but what
  // the author meant to install is plain, so read it rather than turn every import into a warning.
  const later = run.stage === ctx.image.target ? ctx.image.files.get(asImagePath(imagePath)) : undefined;
  if (later && later.inline === undefined) return later.repoPath;
  ctx.set.incomplete.push({ file: dockerfile, line: run.line, reason: `the install on line ${run.line} cannot run (${imagePath} is not in the image)` });
  return undefined;
}

/** An included file (`-r common.txt`) must be in the stage too, wherever it was copied. */
async function requireIncluded(include: RepoPath, from: RepoPath, run: RunRecord, ctx: InstallReadContext): Promise<void> {
  const files = ctx.image.stages?.find((s) => s.label === run.stage)?.filesAtRun.get(run.line);
  if (!files) return;
  for (const origin of files.values()) if (origin.repoPath === include) return;
  if (run.bindMounts.some((m) => m.repoPath !== undefined && (m.repoPath === '' || include === m.repoPath || include.startsWith(`${m.repoPath}/`)))) return;
  ctx.problems.push({
    rule: 'copy-source-missing',
    severity: 'error',
    file: ctx.image.dockerfile,
    line: run.line,
    message: `${from} includes ${include}, which is not copied into stage ${run.stage} before this RUN, so the install fails`,
  });
}

export const repoDirOf = (file: RepoPath): RepoPath => asRepoPath(path.dirname(file) === '.' ? '' : path.dirname(file));
