import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { UnreadableFileError } from '../errors.js';
import { asRepoPath, type RepoPath, type RepoSnapshot } from '../types.js';
import { runGit, splitNul } from './run-git.js';
import { collectDirs } from './collect-dirs.js';
import { listGitmodulePaths } from './list-gitmodule-paths.js';
import { linkTarget, MAX_HOPS, outsideRepository } from './resolve-index-links.js';

/**
 * The working tree as git sees it: tracked files plus untracked files that
 * are not git-ignored (what a `docker build` of a fresh clone plus local
 * edits would upload), minus tracked files deleted from disk.
 */
export async function createWorktreeSnapshot(root: string): Promise<RepoSnapshot> {
  const [listed, deleted] = await Promise.all([
    runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name']),
    runGit(root, ['ls-files', '-z', '--deleted', '--full-name']),
  ]);
  const gone = new Set(splitNul(deleted));
  const files = new Set<RepoPath>();
  for (const name of splitNul(listed)) {
    if (!gone.has(name)) files.add(asRepoPath(name));
  }
  // ls-files lists a submodule as one entry (a folder on disk, or deleted when not checked out): never a file of this repository.
  const submodules = files.has(asRepoPath('.gitmodules')) ? readSubmodules(root) : [];
  for (const submodule of submodules) files.delete(submodule);
  // Every service's walk asks about the same files (a read, then where a link leads): one lstat each.
  const followed = new Map<RepoPath, RepoPath | UnreadableFileError>();
  const follow = (file: RepoPath): RepoPath => {
    let target = followed.get(file);
    if (target === undefined) {
      try {
        target = followLinks(root, file, files);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        target = error;
      }
      followed.set(file, target);
    }
    if (target instanceof UnreadableFileError) throw target;
    return target;
  };
  const dirs = collectDirs(files);
  return {
    root,
    kind: 'worktree',
    files,
    dirs,
    submodules,
    async read(file: RepoPath): Promise<Buffer> {
      // Synchronous on purpose: a check reads thousands of small files, and the promise
      // version's four thread-pool round trips per file cost the main thread more than the
      // reads (370 ms vs ~100 ms over 3,000 files), CPU the parse workers need.
      try {
        return readFileSync(path.join(root, follow(file)));
      } catch (error) {
        if (error instanceof UnreadableFileError) throw error;
        const code = (error as NodeJS.ErrnoException).code ?? 'read error';
        throw new UnreadableFileError(file, code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`);
      }
    },
    contentId: () => undefined,
    dirLinkTarget(file: RepoPath): RepoPath | undefined {
      try {
        follow(file);
        return undefined;
      } catch {
        // Only a link that leads to no file can lead to a folder.
        return followDirLink(root, file, dirs);
      }
    },
    linkTarget(file: RepoPath): RepoPath | undefined {
      try {
        const target = follow(file);
        return target === file ? undefined : target;
      } catch {
        return undefined;
      }
    },
  };
}

function readSubmodules(root: string): RepoPath[] {
  try {
    return listGitmodulePaths(readFileSync(path.join(root, '.gitmodules'), 'utf8'));
  } catch {
    return [];
  }
}

/**
 * The file a path stands for once its symbolic links are followed inside the
 * repository, as a `--staged` check and BuildKit see it: a link that leaves
 * the repository, or leads to no file of the working tree, makes the path
 * unreadable instead of being read from the host.
 */
function followLinks(root: string, file: RepoPath, files: ReadonlySet<RepoPath>): RepoPath {
  let current = file;
  for (let hops = 0; lstatSync(path.join(root, current)).isSymbolicLink(); hops++) {
    if (hops >= MAX_HOPS) throw new UnreadableFileError(file, `is a symbolic link that leads through more than ${MAX_HOPS} links`);
    const text = readlinkSync(path.join(root, current), 'utf8');
    const target = linkTarget(current, text);
    if (target === undefined) throw new UnreadableFileError(file, outsideRepository(text));
    if (!files.has(target)) throw new UnreadableFileError(file, `is a symbolic link to ${target}, which the working tree does not contain as a file`);
    current = target;
  }
  return current;
}

/** The repository folder a link (through links) leads to, when it leads to one. */
function followDirLink(root: string, file: RepoPath, dirs: ReadonlySet<RepoPath>): RepoPath | undefined {
  let current = file;
  try {
    for (let hops = 0; hops < MAX_HOPS && lstatSync(path.join(root, current)).isSymbolicLink(); hops++) {
      const target = linkTarget(current, readlinkSync(path.join(root, current), 'utf8'));
      if (target === undefined) return undefined;
      current = target;
    }
  } catch {
    return undefined;
  }
  return current !== file && current !== '' && dirs.has(current) ? current : undefined;
}
