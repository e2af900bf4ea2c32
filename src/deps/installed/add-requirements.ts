import type { Requirement } from '../types.js';
import { pinnedRelease } from '../pinned-release.js';
import type { InstalledEntry, InstalledSet } from './installed-set.js';

export interface AddOptions {
  via: InstalledEntry['via'];
  /** For a lock: the names its declaration lists, and where (transitive pins are marked). */
  declared?: { file: string; names: ReadonlySet<string> };
  lock?: string;
  /** The lock records which entries are direct (uv.lock): trust it over the declaration's names. */
  trustDirect?: boolean;
}

/**
 * Adds requirements that the image gets. A requirement whose name only a
 * build could tell (a bare URL, a local directory) makes the set incomplete.
 */
export function addRequirements(set: InstalledSet, requirements: readonly Requirement[], options: AddOptions): void {
  for (const r of requirements) {
    if (r.markerResult === false) continue;
    if (r.name === '') {
      set.incomplete.push({ file: r.source.file, line: r.source.line, reason: `${r.source.file}:${r.source.line} installs ${r.url ?? 'a package'} whose name only a build could tell` });
      continue;
    }
    const version = pinnedRelease(r.specifier);
    const entry: InstalledEntry = { name: r.name, extras: r.extras, ...(version !== undefined ? { version } : {}), file: r.source.file, line: r.source.line, via: options.via };
    if (options.declared && options.lock && !options.declared.names.has(r.name) && !(options.trustDirect && r.direct)) {
      entry.transitive = { lock: options.lock, declaredIn: options.declared.file };
    }
    set.add(entry);
  }
}
