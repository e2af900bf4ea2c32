import type { ModuleStore } from '../analyze/module-store.js';
import type { StagedChanges } from '../git/staged-changes.js';
import type { ParsedModule, RepoPath } from '../types.js';

/**
 * Beyond this many modified modules, parsing each one's previous version
 * costs about as much as checking the services they reach: a commit that big
 * is simply checked.
 */
const MAX_EDITS_TO_COMPARE = 200;

export interface InvisibleEditInputs {
  changes: StagedChanges;
  store: ModuleStore;
  /** Reads a blob by id: the version HEAD has. */
  readBlob: (id: string) => Promise<Buffer>;
  fingerprintOf: (parsed: ParsedModule) => string;
}

/**
 * Staged edits no analysis can see: plain Python modules whose fingerprint
 * (everything a service's analysis reads from a parsed module; see
 * `fingerprintModule`) is the same at HEAD and in the index — an edit inside
 * a function body, the usual commit. A service that such edits alone reach
 * reports exactly what it reported at HEAD, so the commit cannot break it.
 * Unlike a service memo, this proof needs no earlier run: it is what keeps a
 * cold hook from checking every service that copies a shared library.
 * A package `__init__.py` is never invisible (it is also read as text, for
 * the names it binds), and neither is a module that fails to parse on
 * either side. Entry scripts are read as text too; the caller keeps those.
 */
export async function findInvisibleEdits({ changes, store, readBlob, fingerprintOf }: InvisibleEditInputs): Promise<Set<RepoPath>> {
  const candidates = [...changes.previousIds].filter(([file]) => file.endsWith('.py') && !isPackageInit(file));
  if (candidates.length > MAX_EDITS_TO_COMPARE) return new Set();
  const verdicts = await Promise.all(
    candidates.map(async ([file, previousId]) => {
      const [before, now] = await Promise.all([store.getVersion(file, previousId, () => readBlob(previousId)), store.get(file)]);
      return before.ok && now.ok && fingerprintOf(before.parsed) === fingerprintOf(now.parsed);
    }),
  );
  return new Set(candidates.filter((_, i) => verdicts[i]).map(([file]) => file));
}

const isPackageInit = (file: RepoPath): boolean => file === '__init__.py' || file.endsWith('/__init__.py');
