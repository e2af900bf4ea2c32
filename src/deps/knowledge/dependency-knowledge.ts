/**
 * What a distribution requires, from the most exact source that knows it:
 * the repository's own locks (they describe the very versions the team
 * installs, so what one lock says holds in every image of the repository),
 * then the developer's virtualenv (`Requires-Dist`), then the bundled data.
 */
import { knownDistribution } from './bundled-knowledge.js';

export interface KnownRequirements {
  /** Normalised distributions required without any extra. */
  requires: readonly string[];
  /** Extra → the distributions it adds; undefined when the source does not say. */
  extras?: Readonly<Record<string, readonly string[]>>;
  /** Where the row comes from, for messages: `uv.lock`, `the virtualenv`, `debian`, `curated: …`. */
  source: string;
  /**
   * Bundled rows only: the release the requirements describe (`*`: every
   * release), or the family template they copy. The repository's locks and
   * virtualenv describe the team's own versions and carry neither.
   */
  version?: string;
  template?: string;
}

export interface DependencyKnowledge {
  /** Undefined when no source knows the distribution: its dependencies are opaque. */
  requirementsOf(name: string): KnownRequirements | undefined;
}

export interface KnowledgeSources {
  /** From the repository's locks: distribution → requirements, with the lock's path as source. */
  repository?: ReadonlyMap<string, KnownRequirements>;
  /** From the virtualenv's METADATA. */
  venv?: ReadonlyMap<string, KnownRequirements>;
}

export function createDependencyKnowledge(sources: KnowledgeSources): DependencyKnowledge {
  return {
    requirementsOf(name) {
      const exact = sources.repository?.get(name) ?? sources.venv?.get(name);
      const bundled = knownDistribution(name);
      if (exact !== undefined) return exact.extras === undefined && bundled?.extras !== undefined ? { ...exact, extras: bundled.extras } : exact;
      if (bundled === undefined) return undefined;
      const { requires, source, version, template, extras } = bundled;
      return { requires, source, ...(version !== undefined ? { version } : {}), ...(template !== undefined ? { template } : {}), ...(extras ? { extras } : {}) };
    },
  };
}
