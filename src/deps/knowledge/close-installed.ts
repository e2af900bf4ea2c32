/**
 * The transitive closure of the installs that resolve dependencies (`pip
 * install -r` of a loose file, an inline spec without `--no-deps`): what
 * they pull in beyond what they name, and which of the distributions on
 * the way have requirements no source knows, or know only for another
 * release than the image pins. Lock installs need no walk: a lock already
 * lists everything it installs.
 */
import type { InstalledSet } from '../installed/installed-set.js';
import { normalizeName } from '../normalize-name.js';
import type { DependencyKnowledge } from './dependency-knowledge.js';
import { releaseAssumption } from './release-assumption.js';

export interface InstalledClosure {
  /** A distribution that only arrives as a requirement → the installed distributions that pull it in. */
  pulledInBy: ReadonlyMap<string, readonly string[]>;
  /** Distributions (or `name[extra]`) reached whose requirements are unknown: they may pull in anything. */
  opaque: readonly string[];
  /** Distributions whose known requirements are no proof, with why (`typer 0.12.3's requirements are known only for 0.9.0 (debian)`). */
  assumed: ReadonlyArray<{ name: string; why: string }>;
}

export const EMPTY_CLOSURE: InstalledClosure = { pulledInBy: new Map(), opaque: [], assumed: [] };

interface Walk {
  set: InstalledSet;
  knowledge: DependencyKnowledge;
  opaque: Set<string>;
  assumed: Map<string, string>;
}

export function closeInstalled(set: InstalledSet, knowledge: DependencyKnowledge): InstalledClosure {
  const pulledInBy = new Map<string, string[]>();
  const walk: Walk = { set, knowledge, opaque: new Set<string>(), assumed: new Map<string, string>() };
  const roots = set.names().filter((name) => set.entriesOf(name).some((e) => e.pullsDependencies === true && e.via !== 'project'));
  for (const root of roots) {
    const extras = [...new Set(set.entriesOf(root).filter((e) => e.pullsDependencies).flatMap((e) => e.extras.map(normalizeName)))];
    const seen = new Set<string>([root]);
    const queue = [...requirementsOf(root, extras, walk)];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      if (!set.has(name)) {
        const parents = pulledInBy.get(name);
        if (parents === undefined) pulledInBy.set(name, [root]);
        else if (!parents.includes(root)) parents.push(root);
      }
      queue.push(...requirementsOf(name, [], walk));
    }
  }
  return { pulledInBy, opaque: [...walk.opaque].sort(), assumed: [...walk.assumed.keys()].sort().map((name) => ({ name, why: walk.assumed.get(name) as string })) };
}

function requirementsOf(name: string, extras: readonly string[], walk: Walk): string[] {
  const { opaque } = walk;
  const known = walk.knowledge.requirementsOf(name);
  if (known === undefined) {
    opaque.add(name);
    return [];
  }
  const pinned = walk.set.entriesOf(name).find((e) => e.version !== undefined)?.version;
  const assumption = releaseAssumption(name, pinned, known);
  if (assumption !== undefined) walk.assumed.set(name, assumption);
  const added = extras.flatMap((extra) => {
    const list = known.extras?.[extra];
    if (list === undefined) opaque.add(`${name}[${extra}]`);
    return list ?? [];
  });
  return [...known.requires, ...added];
}
