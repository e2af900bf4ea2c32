import { parseGcloudIgnore, type GitignorePattern } from '../dockerfile/gcloudignore.js';
import { asRepoPath, type RepoPath, type RepoSnapshot } from '../types.js';
import { listGitmodulePaths } from '../git/list-gitmodule-paths.js';
import { baseName, isAtOrBelow, parentDir } from './repo-path.js';

/**
 * Paths the repository does not hold but a build machine does: what its
 * `.gitignore` files ignore (models, `dist/`, compiled assets made or
 * downloaded before `docker build`) and its git submodules (checked out
 * next to it, contents not in this repository).
 */
export interface BuildTimeInputs {
  /** Why a path absent from the snapshot is there at build time; undefined when nothing says it is. */
  reasonFor(path: RepoPath): string | undefined;
  readonly submodules: readonly RepoPath[];
}

const loaded = new WeakMap<RepoSnapshot, Promise<BuildTimeInputs>>();

/** Read once per snapshot: discovery and every service's image model ask the same question. */
export function loadBuildTimeInputs(snapshot: RepoSnapshot): Promise<BuildTimeInputs> {
  let inputs = loaded.get(snapshot);
  if (!inputs) {
    inputs = readBuildTimeInputs(snapshot);
    loaded.set(snapshot, inputs);
  }
  return inputs;
}

async function readBuildTimeInputs(snapshot: RepoSnapshot): Promise<BuildTimeInputs> {
  const files = [...snapshot.files].filter((file) => baseName(file) === '.gitignore');
  const texts = await Promise.all(files.map((file) => snapshot.read(file).then((b) => b.toString('utf8'), () => '')));
  const ignoreFiles = new Map<RepoPath, GitignorePattern[]>(files.map((file, i) => [parentDir(file), parseGcloudIgnore(texts[i] as string, () => undefined, file)]));
  const submodules = snapshot.submodules ?? (await readGitmodulePaths(snapshot));
  const ignoredBy = (path: RepoPath): string | undefined => {
    // git never looks inside an ignored folder, so the first ignored prefix decides.
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      // The last segment may be a file or a folder: a `dist/` pattern counts for a COPY of `dist`.
      const verdict = i < parts.length ? decide(prefix, true) : (decide(prefix, true) ?? decide(prefix, false));
      if (verdict) return verdict;
    }
    return undefined;
  };
  const decide = (path: string, isDir: boolean): string | undefined => {
    // The deepest .gitignore with a matching pattern decides, its last matching pattern first.
    for (let dir = parentDir(path); ; dir = parentDir(dir)) {
      const patterns = ignoreFiles.get(dir);
      const relative = dir === '' ? path : path.slice(dir.length + 1);
      const match = patterns?.findLast((p) => (!p.dirOnly || isDir) && p.regex?.test(relative));
      if (match) return match.negated ? undefined : `gitignored by ${match.source} line ${match.line}, so made or fetched before the build`;
      if (dir === '') return undefined;
    }
  };
  // Every service's walk asks about the same missing paths, each through its parents: answered once.
  const answers = new Map<RepoPath, string | undefined>();
  return {
    submodules,
    reasonFor(path) {
      if (snapshot.files.has(path) || snapshot.dirs.has(path)) return undefined;
      if (answers.has(path)) return answers.get(path);
      const submodule = submodules.find((s) => isAtOrBelow(path, s));
      const answer = submodule !== undefined ? `in git submodule ${submodule}, whose files are not in this repository` : ignoredBy(path);
      answers.set(path, answer);
      return answer;
    },
  };
}

/** `path = …` lines of `.gitmodules`: the worktree lists a submodule as one entry, not as its files. */
export async function readGitmodulePaths(snapshot: RepoSnapshot): Promise<RepoPath[]> {
  const file = asRepoPath('.gitmodules');
  if (!snapshot.files.has(file)) return [];
  const text = await snapshot.read(file).then((b) => b.toString('utf8'), () => '');
  return listGitmodulePaths(text);
}
