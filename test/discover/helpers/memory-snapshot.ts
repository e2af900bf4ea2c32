import { UnreadableFileError } from '../../../src/errors.js';
import { collectDirs } from '../../../src/git/collect-dirs.js';
import { asRepoPath, type RepoPath, type RepoSnapshot } from '../../../src/types.js';

/** A RepoSnapshot over inline file contents, for unit tests of discovery on small trees. */
export function memorySnapshot(files: Record<string, string>): RepoSnapshot {
  const paths = new Set<RepoPath>(Object.keys(files).map(asRepoPath));
  return {
    root: '/nonexistent',
    kind: 'worktree',
    files: paths,
    dirs: collectDirs(paths),
    async read(path: RepoPath): Promise<Buffer> {
      const text = files[path];
      if (text === undefined) throw new UnreadableFileError(path, 'cannot be read (ENOENT)');
      return Buffer.from(text);
    },
    contentId: () => undefined,
  };
}
