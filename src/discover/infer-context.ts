import { createIgnoreMatcher, parseIgnoreFile, type IgnoreMatcher } from '../dockerfile/dockerignore.js';
import { listLocalCopySources } from '../dockerfile/local-sources.js';
import { asRepoPath, type RepoPath, type RepoSnapshot } from '../types.js';
import { countCopySources, type SourceCount, type UnseenReason } from './count-copy-sources.js';
import { describeDir, joinRepoPath, parentDir, selfAndAncestors } from './repo-path.js';
import type { RepoTree } from './repo-tree.js';

export interface InferredContext {
  context: RepoPath | undefined;
  origin: string;
  /** Sources the chosen context holds only at build time (gitignored, generated, a submodule), with why. */
  unseen?: Array<{ source: string; reason: string }>;
  /** When no folder explains every source: the one that explains the most, offered as the config entry to add. */
  candidate?: RepoPath;
}

/**
 * Guesses the build context of a Dockerfile nobody builds explicitly: among
 * its folder and every ancestor, the one where all literal COPY/ADD sources
 * exist (and are not ignored), the most sources found first, then the
 * deepest. A source absent from the repository that exists at build time
 * (`unseenReason`) counts as found: it explains the folder as well as a
 * tracked one would.
 */
export async function inferContext(
  dockerfile: RepoPath,
  snapshot: RepoSnapshot,
  tree: RepoTree,
  unseenReason?: UnseenReason,
): Promise<InferredContext> {
  const own = parentDir(dockerfile);
  let text: string;
  try {
    text = (await snapshot.read(dockerfile)).toString('utf8');
  } catch (error) {
    return { context: undefined, origin: `cannot read the Dockerfile: ${(error as Error).message}` };
  }
  const sources = [...new Set(listLocalCopySources(text).map((s) => s.source))];
  if (sources.length === 0) return { context: own, origin: "inferred: no COPY sources, using the Dockerfile's folder" };
  const ownIgnore = await readIgnore(snapshot, asRepoPath(`${dockerfile}.dockerignore`));
  let best: { dir: RepoPath; count: SourceCount } | undefined;
  for (const dir of selfAndAncestors(own)) {
    const ignore = ownIgnore ?? (await readIgnore(snapshot, joinRepoPath(dir, '.dockerignore') as RepoPath));
    const count = countCopySources(sources, dir, tree, ignore ?? createIgnoreMatcher([]), unseenReason);
    if (best === undefined || isBetter(count, best.count)) best = { dir, count };
  }
  if (!best) return { context: own, origin: "inferred: using the Dockerfile's folder" };
  const tally = `${best.count.found} of ${sources.length} found`;
  if (best.count.missingLiterals === 0) {
    const origin = `inferred from COPY sources (${tally})`;
    return best.count.unseen.length > 0 ? { context: best.dir, origin, unseen: best.count.unseen } : { context: best.dir, origin };
  }
  const notFound = best.count.missing.map((s) => `"${s}"`).join(', ');
  return {
    context: undefined,
    origin: `no folder contains all COPY sources; best: ${describeDir(best.dir)} (${tally}; not found there: ${notFound})`,
    candidate: best.dir,
  };
}

/** Candidates come deepest first, so only a strictly better count replaces the current best. */
function isBetter(count: SourceCount, than: SourceCount): boolean {
  const explains = count.missingLiterals === 0;
  const bestExplains = than.missingLiterals === 0;
  if (explains !== bestExplains) return explains;
  if (count.found !== than.found) return count.found > than.found;
  // A folder explained by tracked files beats one explained by build-time guesses.
  return count.unseen.length < than.unseen.length;
}

async function readIgnore(snapshot: RepoSnapshot, file: RepoPath): Promise<IgnoreMatcher | undefined> {
  if (!snapshot.files.has(file)) return undefined;
  try {
    return createIgnoreMatcher(parseIgnoreFile((await snapshot.read(file)).toString('utf8')));
  } catch {
    // The image model reports an unreadable ignore file; for guessing, no patterns is the safe reading.
    return createIgnoreMatcher([]);
  }
}
