import { asRepoPath, type RepoPath } from '../types.js';

/** One line of `git ls-files --stage`. */
export interface IndexEntry {
  /** Octal mode as git prints it: `100644`, `100755`, `120000` (symlink), `160000` (gitlink). */
  mode: string;
  oid: string;
  /** 0 = merged; 1 base, 2 ours, 3 theirs while a conflict is unresolved. */
  stage: number;
  path: RepoPath;
}

export const SYMLINK_MODE = '120000';
export const GITLINK_MODE = '160000';

/**
 * Parses `git ls-files -z --stage`: each record is `<mode> SP <oid> SP <stage> TAB <path>`
 * ended by NUL. With -z the path is raw (no C-style quoting), so it may hold
 * spaces and tabs; only the first TAB separates it.
 */
export function parseIndexEntries(output: Buffer): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    if (record === '') continue;
    // Fixed layout before the TAB: 6-digit mode, space, oid (40 or 64 hex), space, one-digit stage.
    const tab = record.indexOf('\t');
    const stage = record.charCodeAt(tab - 1) - 48;
    if (tab < 10 || record[6] !== ' ' || record[tab - 2] !== ' ' || stage < 0 || stage > 3) {
      throw new Error(`unexpected git ls-files record: ${JSON.stringify(record)}`);
    }
    entries.push({ mode: record.slice(0, 6), oid: record.slice(7, tab - 2), stage, path: asRepoPath(record.slice(tab + 1)) });
  }
  return entries;
}
