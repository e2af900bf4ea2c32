/**
 * Dependency edges the repository's own lock files record, read once per
 * run and only when an image needs them: `uv.lock` and `poetry.lock` list
 * each package's dependencies; a compiled requirements file's `# via`
 * comments give them reversed. A lock need not be installed by any image to
 * count: it describes the versions the team resolves.
 */
import path from 'node:path/posix';
import type { RepoPath, RepoSnapshot } from '../../types.js';
import type { DependencyFileCache } from '../installed/dependency-file-cache.js';
import type { KnownRequirements } from './dependency-knowledge.js';
import { readCompiledRequirements } from './read-compiled-requirements.js';

/** Requirements files worth opening for `# via` comments: by name, not every text file of the repository. */
const REQUIREMENTS_LIKE = /(^|\/)[^/]*(requirements|constraints|lock|deps)[^/]*\.txt$|(^|\/)requirements\/[^/]+\.txt$/i;

export async function readRepositoryKnowledge(snapshot: RepoSnapshot, files: DependencyFileCache, pythonVersion: string): Promise<Map<string, KnownRequirements>> {
  const known = new Map<string, KnownRequirements>();
  const paths = [...snapshot.files].sort();
  const add = (name: string, requires: readonly string[], source: string): void => {
    const old = known.get(name);
    if (old === undefined) known.set(name, { requires: [...requires], source });
    // Two locks may pin different releases: their union keeps every edge either release has.
    else known.set(name, { requires: [...new Set([...old.requires, ...requires])], source: old.source });
  };
  for (const file of paths.filter((p) => ['uv.lock', 'poetry.lock'].includes(path.basename(p)))) {
    const lock = await files.load(file, pythonVersion);
    for (const r of lock.requirements) if (r.dependsOn !== undefined && r.name !== '') add(r.name, r.dependsOn.filter((d) => d !== '' && d !== r.name), file);
  }
  for (const file of paths.filter((p) => REQUIREMENTS_LIKE.test(p))) {
    const text = await files.text(file as RepoPath);
    if (typeof text !== 'string') continue;
    const compiled = readCompiledRequirements(text);
    if (compiled === undefined) continue;
    // Some pin of the file needs each left-out "unsafe" package, and the footer does not say which:
    // every pin gets them, so a resolving install of the file is known to pull them in.
    for (const [name, requires] of compiled.requires) add(name, [...requires, ...compiled.unsafe.filter((u) => u !== name)], file);
  }
  return known;
}
