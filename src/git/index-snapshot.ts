import { UnreadableFileError } from '../errors.js';
import type { RepoPath, RepoSnapshot } from '../types.js';
import { openCatFileBatch } from './cat-file-batch.js';
import { collectDirs } from './collect-dirs.js';
import { GITLINK_MODE, parseIndexEntries, SYMLINK_MODE } from './parse-index-entries.js';
import { readIndexFile } from './read-index-file.js';
import { readVerifiedWorktreeFile } from './read-verified-worktree-file.js';
import type { StagedRepo } from './repo-state.js';
import { resolveIndexLinks } from './resolve-index-links.js';
import { runGit } from './run-git.js';
import { UnmergedPathsError } from './unmerged-paths-error.js';

/** The staged commit: what `git commit` is about to record. */
export interface IndexSnapshot extends RepoSnapshot {
  readonly kind: 'index';
  /** Gitlinks (submodules): not analysed, listed so the caller can print a note. */
  readonly submodules: readonly RepoPath[];
  /** A blob by id, such as the version of a file HEAD has. */
  readBlob(id: string): Promise<Buffer>;
  /** Stops the `git cat-file` process. Reads after this reject. */
  close(): void;
}

/**
 * Snapshot of the index (honours GIT_INDEX_FILE, which git sets for hooks of
 * `git commit <paths>` and `commit -a`). Partially staged files are seen as
 * staged, staged deletions are absent, untracked files do not exist.
 * `read()` and `contentId()` follow a symbolic link to the file it leads to,
 * as a checkout's file system would. Throws UnmergedPathsError while
 * conflicts are unresolved. The index file is read directly when `index`
 * says where it is and git's format allows (else `git ls-files`); a blob
 * comes from the working tree when that holds exactly it (else `git cat-file`).
 */
export async function createIndexSnapshot(root: string, index?: StagedRepo['index']): Promise<IndexSnapshot> {
  const entries = (index && readIndexFile(index.file, index.objectFormat)) ?? parseIndexEntries(await runGit(root, ['ls-files', '-z', '--stage', '--full-name']));
  const unmerged = [...new Set(entries.filter((entry) => entry.stage !== 0).map((entry) => entry.path))];
  if (unmerged.length > 0) throw new UnmergedPathsError(unmerged.sort());

  const blobs = new Map<RepoPath, string>();
  const submodules: RepoPath[] = [];
  const symlinks = new Set<RepoPath>();
  for (const entry of entries) {
    if (entry.mode === GITLINK_MODE) {
      submodules.push(entry.path);
      continue;
    }
    if (entry.mode === SYMLINK_MODE) symlinks.add(entry.path);
    blobs.set(entry.path, entry.oid);
  }

  const files: ReadonlySet<RepoPath> = new Set(blobs.keys());
  const batch = openCatFileBatch(root);
  let closed = false;
  const readObject = async (id: string): Promise<Buffer> => {
    const object = await batch.read(id);
    if (object.type !== 'blob') throw new Error(`is a git ${object.type}, not a file`);
    return object.content;
  };
  const readBlob = async (file: RepoPath): Promise<Buffer> => {
    const id = blobs.get(file)!;
    // After close every read rejects, as the cat-file process's would.
    const onDisk = closed ? undefined : readVerifiedWorktreeFile(root, file, id, symlinks.has(file));
    if (onDisk) return onDisk;
    try {
      return await readObject(id);
    } catch (error) {
      throw new UnreadableFileError(file, `cannot be read from the index (${(error as Error).message})`);
    }
  };
  const dirs = collectDirs(files);
  const links = await resolveIndexLinks(symlinks, (p) => blobs.has(p) && !symlinks.has(p), async (link) => (await readBlob(link)).toString('utf8'), (p) => p !== '' && dirs.has(p));
  /** The file a path stands for: itself, or where its link leads. */
  const fileOf = (file: RepoPath): RepoPath => {
    const link = links.get(file);
    if (!link) return file;
    if ('problem' in link) throw new UnreadableFileError(file, link.problem);
    return link.target;
  };
  return {
    root,
    kind: 'index',
    files,
    dirs,
    submodules,
    async read(file: RepoPath): Promise<Buffer> {
      if (!blobs.has(file)) throw new UnreadableFileError(file, 'is not in the staged commit');
      return readBlob(fileOf(file));
    },
    contentId: (file: RepoPath) => {
      const link = links.get(file);
      if (!link) return blobs.get(file);
      return 'target' in link ? blobs.get(link.target) : undefined;
    },
    linkTarget: (file: RepoPath) => {
      const link = links.get(file);
      return link && 'target' in link ? link.target : undefined;
    },
    dirLinkTarget: (file: RepoPath) => {
      const link = links.get(file);
      return link && 'dir' in link ? link.dir : undefined;
    },
    readBlob: readObject,
    close: () => {
      closed = true;
      batch.close();
    },
  };
}
