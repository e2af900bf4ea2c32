import { asRepoPath, type RepoPath } from '../types.js';
import { runGit, splitNul } from './run-git.js';

export interface StagedChanges {
  /** Compared with HEAD, or with the empty tree when there is no commit yet. */
  base: 'HEAD' | 'empty-tree';
  added: RepoPath[];
  modified: RepoPath[];
  deleted: RepoPath[];
  renamed: Array<{ from: RepoPath; to: RepoPath }>;
  copied: Array<{ from: RepoPath; to: RepoPath }>;
  /** File ↔ symlink ↔ submodule changes. */
  typeChanged: RepoPath[];
  unmerged: RepoPath[];
  /**
   * The blob id HEAD has for each modified regular file (symbolic links
   * left out): what the file was before, to tell whether the analysis can
   * see the edit at all.
   */
  previousIds: ReadonlyMap<RepoPath, string>;
}

/**
 * What the commit being made changes: `git diff --cached` with rename
 * detection. Without a commit argument git compares with HEAD, or with the
 * empty tree on an unborn branch; `head` (from `detectStagedRepo`, in the
 * same git call as the repository root) says which it was.
 */
export async function listStagedChanges(root: string, head: string | undefined): Promise<StagedChanges> {
  return { base: head ? 'HEAD' : 'empty-tree', ...(await readStagedDiff(root)) };
}

/**
 * The staged diff run from `folder`. Its paths are relative to the top level
 * only when `folder` is the top level (`diff.relative` would make them
 * relative to `folder`), which is where git runs hooks: a hook can start it
 * together with the `git rev-parse` that finds the top level.
 */
export async function readStagedDiff(folder: string): Promise<Omit<StagedChanges, 'base'>> {
  const output = await runGit(folder, ['diff', '--cached', '-z', '--raw', '--no-abbrev', '-M', '--no-ext-diff', '--no-color', '--']);
  return parseRawDiff(splitNul(output));
}

const REGULAR_FILE_MODE = /^100(644|755)$/;

/**
 * `--raw -z` records: `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0`,
 * and for renames and copies a second path. Status letters: A M D T U R C
 * (X = git bug); R and C carry a similarity score.
 */
export function parseRawDiff(fields: string[]): Omit<StagedChanges, 'base'> {
  const changes: Omit<StagedChanges, 'base'> = {
    added: [], modified: [], deleted: [], renamed: [], copied: [], typeChanged: [], unmerged: [],
    previousIds: new Map(),
  };
  const previousIds = changes.previousIds as Map<RepoPath, string>;
  for (let i = 0; i < fields.length; ) {
    const record = fields[i++]!;
    const [oldMode, newMode, oldId, , status = ''] = record.replace(/^:/, '').split(' ');
    const path = asRepoPath(fields[i++] ?? '');
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const pair = { from: path, to: asRepoPath(fields[i++] ?? '') };
      (letter === 'R' ? changes.renamed : changes.copied).push(pair);
    } else if (letter === 'A') changes.added.push(path);
    else if (letter === 'M') {
      changes.modified.push(path);
      if (oldId && REGULAR_FILE_MODE.test(oldMode ?? '') && REGULAR_FILE_MODE.test(newMode ?? '')) previousIds.set(path, oldId);
    }
    else if (letter === 'D') changes.deleted.push(path);
    else if (letter === 'T') changes.typeChanged.push(path);
    else if (letter === 'U') changes.unmerged.push(path);
    else throw new Error(`unexpected git diff record ${JSON.stringify(record)} for ${path}`);
  }
  return changes;
}

/** Every path the commit touches, both sides of renames included (for picking services). */
export function listTouchedPaths(changes: Omit<StagedChanges, 'base' | 'previousIds'>): RepoPath[] {
  const paths = new Set<RepoPath>([
    ...changes.added, ...changes.modified, ...changes.deleted, ...changes.typeChanged, ...changes.unmerged,
  ]);
  for (const { from, to } of changes.renamed) paths.add(from).add(to);
  for (const { to } of changes.copied) paths.add(to);
  return [...paths].sort();
}
