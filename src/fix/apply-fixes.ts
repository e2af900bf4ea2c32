import { readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findCompanionLock } from '../deps/find-companion-lock.js';
import { runGit, splitNul } from '../git/run-git.js';
import { createWorktreeSnapshot } from '../git/worktree-snapshot.js';
import type { Finding, RepoPath } from '../types.js';
import { decodeFileText, encodeFileText, type FileText } from './file-text.js';
import { isFixable, type FixPlan, type FixSources } from './plan-fixes.js';

/** What `--fix` reads before planning, and where each file is really written. */
export interface LoadedFixSources {
  sources: FixSources;
  /** Each editable file's real path on disk, and its repository path once links are followed (what gets staged). */
  targets: ReadonlyMap<string, { absolute: string; repoPath: string }>;
}

/**
 * Reads the files the fixes of `findings` edit, from the working tree. A
 * file is left out, with the reason, when it leads out of the repository
 * through a symbolic link, or, for a `--staged` check, when it has unstaged
 * changes: the fix is staged with the file, and must not take edits the
 * developer did not stage along with it.
 */
export async function loadFixSources(root: string, findings: readonly Finding[], options: { staged: boolean }): Promise<LoadedFixSources> {
  const fixFiles = [...new Set(findings.filter(isFixable).map((f) => f.fix!.file))].sort();
  const snapshot = await createWorktreeSnapshot(root);
  const locks = fixFiles.map((file) => findCompanionLock(file as RepoPath, snapshot.files)).filter((lock) => lock !== undefined);
  const unstaged = options.staged && fixFiles.length > 0 ? await listUnstaged(root, fixFiles) : new Set<string>();
  const realRoot = await realpath(root);
  const texts = new Map<string, FileText | { problem: string }>();
  const targets = new Map<string, { absolute: string; repoPath: string }>();
  for (const file of [...fixFiles, ...locks]) {
    if (unstaged.has(file)) {
      texts.set(file, { problem: `${file} has changes that are not staged: stage or discard them, then run --fix again` });
      continue;
    }
    const target = await locate(realRoot, path.join(root, file));
    if ('problem' in target) {
      texts.set(file, { problem: `${file} ${target.problem}` });
      continue;
    }
    texts.set(file, decodeFileText(await readFile(target.absolute)));
    targets.set(file, target);
  }
  return { sources: { texts, files: snapshot.files }, targets };
}

/** Writes each planned file (through `targets` only) and, for a `--staged` run, stages it. Returns the files written. */
export async function writeFixes(root: string, plan: FixPlan, targets: LoadedFixSources['targets'], options: { stage: boolean }): Promise<string[]> {
  const written: string[] = [];
  for (const planned of plan.files) {
    const target = targets.get(planned.file);
    if (!target) continue;
    await writeFile(target.absolute, encodeFileText(planned.after));
    written.push(target.repoPath);
  }
  if (options.stage && written.length > 0) await runGit(root, ['add', '--', ...written.map((file) => `:(literal)${file}`)]);
  return written;
}

/** The real file behind a path, which must stay inside the repository once every symbolic link is followed. */
async function locate(realRoot: string, file: string): Promise<{ absolute: string; repoPath: string } | { problem: string }> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { problem: `is a symbolic link leading out of the repository (to ${real}): not written through` };
  return { absolute: real, repoPath: relative.split(path.sep).join('/') };
}

/** Files that differ between the index and the working tree; a git failure is not "none" here, it stops the fix. */
async function listUnstaged(root: string, files: readonly string[]): Promise<Set<string>> {
  return new Set(splitNul(await runGit(root, ['diff', '--name-only', '-z', '--', ...files.map((f) => `:(literal)${f}`)])));
}
