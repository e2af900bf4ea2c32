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
}

/** What the commit being made changes: `git diff --cached` with rename detection. */
export async function listStagedChanges(root: string): Promise<StagedChanges> {
  const head = await resolveHead(root);
  const base = head ?? (await resolveEmptyTree(root));
  const output = await runGit(root, ['diff', '--cached', '-z', '--name-status', '-M', '--no-ext-diff', '--no-color', base, '--']);
  return { base: head ? 'HEAD' : 'empty-tree', ...parseNameStatus(splitNul(output)) };
}

/**
 * `--name-status -z` records: `<status>\0<path>\0`, or for renames and copies
 * `R<score>\0<from>\0<to>\0`. Status letters: A M D T U R C (X = git bug).
 */
export function parseNameStatus(fields: string[]): Omit<StagedChanges, 'base'> {
  const changes: Omit<StagedChanges, 'base'> = {
    added: [], modified: [], deleted: [], renamed: [], copied: [], typeChanged: [], unmerged: [],
  };
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++]!;
    const path = asRepoPath(fields[i++] ?? '');
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const pair = { from: path, to: asRepoPath(fields[i++] ?? '') };
      (letter === 'R' ? changes.renamed : changes.copied).push(pair);
    } else if (letter === 'A') changes.added.push(path);
    else if (letter === 'M') changes.modified.push(path);
    else if (letter === 'D') changes.deleted.push(path);
    else if (letter === 'T') changes.typeChanged.push(path);
    else if (letter === 'U') changes.unmerged.push(path);
    else throw new Error(`unexpected git diff status ${JSON.stringify(status)} for ${path}`);
  }
  return changes;
}

/** Every path the commit touches, both sides of renames included (for picking services). */
export function listTouchedPaths(changes: StagedChanges): RepoPath[] {
  const paths = new Set<RepoPath>([
    ...changes.added, ...changes.modified, ...changes.deleted, ...changes.typeChanged, ...changes.unmerged,
  ]);
  for (const { from, to } of changes.renamed) paths.add(from).add(to);
  for (const { to } of changes.copied) paths.add(to);
  return [...paths].sort();
}

async function resolveHead(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).toString('utf8').trim();
  } catch {
    return undefined; // unborn branch: the initial commit
  }
}

/** Hashing empty input as a tree gives the right id for both SHA-1 and SHA-256 repositories. */
async function resolveEmptyTree(root: string): Promise<string> {
  return (await runGit(root, ['hash-object', '-t', 'tree', '--stdin'], Buffer.alloc(0))).toString('utf8').trim();
}
