import { UnreadableFileError } from '../errors.js';
import type { RepoPath, RepoSnapshot } from '../types.js';
import { openCatFileBatch } from './cat-file-batch.js';
import { collectDirs } from './collect-dirs.js';
import { GITLINK_MODE, parseIndexEntries, SYMLINK_MODE } from './parse-index-entries.js';
import { runGit } from './run-git.js';
import { UnmergedPathsError } from './unmerged-paths-error.js';

/** The staged commit: what `git commit` is about to record. */
export interface IndexSnapshot extends RepoSnapshot {
  readonly kind: 'index';
  /** Gitlinks (submodules): not analysed, listed so the caller can print a note. */
  readonly submodules: readonly RepoPath[];
  /** Staged symlinks; `read()` returns their target text, which is not file content. */
  readonly symlinks: ReadonlySet<RepoPath>;
  /** Stops the `git cat-file` process. Reads after this reject. */
  close(): void;
}

/**
 * Snapshot of the index (honours GIT_INDEX_FILE, which git sets for hooks of
 * `git commit <paths>` and `commit -a`). Partially staged files are seen as
 * staged, staged deletions are absent, untracked files do not exist.
 * Throws UnmergedPathsError while conflicts are unresolved.
 */
export async function createIndexSnapshot(root: string): Promise<IndexSnapshot> {
  const entries = parseIndexEntries(await runGit(root, ['ls-files', '-z', '--stage', '--full-name']));
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
  return {
    root,
    kind: 'index',
    files,
    dirs: collectDirs(files),
    submodules,
    symlinks,
    async read(file: RepoPath): Promise<Buffer> {
      const oid = blobs.get(file);
      if (oid === undefined) throw new UnreadableFileError(file, 'is not in the staged commit');
      try {
        const object = await batch.read(oid);
        if (object.type !== 'blob') throw new Error(`is a git ${object.type}, not a file`);
        return object.content;
      } catch (error) {
        throw new UnreadableFileError(file, `cannot be read from the index (${(error as Error).message})`);
      }
    },
    contentId: (file: RepoPath) => blobs.get(file),
    close: () => batch.close(),
  };
}
