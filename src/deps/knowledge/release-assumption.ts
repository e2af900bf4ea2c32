import type { KnownRequirements } from './dependency-knowledge.js';

/**
 * Why a distribution's known requirements are no proof for the one the
 * image installs, or undefined when they stand. Requirement edges hold for
 * the release they were read from, and releases add requirements as they
 * go (typer 0.7 needs only click; typer 0.12 also rich and shellingham): a
 * pin of a later release series (a later major, or a later minor of a 0.x
 * project, whose minors are its majors) may need more than the row says,
 * and a row copied from a family's template describes no release at all.
 * Within one major (rq 1.13 → 1.16) the row stands: a new required
 * distribution there is rare, and treating every newer pin as unknown would
 * turn most proven missing packages of real images into warnings. A pin of an earlier release keeps the row: Debian's and Pyodide's
 * rows are older or newer snapshots, and the curated rows are kept a
 * superset of the releases in use (see scripts/package-knowledge/curated.json).
 * An unpinned install gets what the row describes or close to it.
 */
export function releaseAssumption(name: string, pinned: string | undefined, known: KnownRequirements): string | undefined {
  if (known.template !== undefined) return `${name}'s requirements are known only from the ${known.template}* template, not from its own release`;
  if (pinned === undefined || known.version === undefined || known.version === '*' || !isLaterRelease(pinned, known.version)) return undefined;
  return `${name} ${pinned}'s requirements are known only for ${known.version} (${known.source})`;
}

/** True when `a` is of a later release series than `b` (major, or minor under 1.0); false when either is no version dockguard can read. */
export function isLaterRelease(a: string, b: string): boolean {
  const [x, y] = [releaseParts(a), releaseParts(b)];
  if (x === undefined || y === undefined) return false;
  if (x[0] !== y[0]) return x[0] > y[0];
  return x[0] === 0 && x[1] > y[1];
}

function releaseParts(version: string): [number, number] | undefined {
  const found = /^v?(\d+)(?:\.(\d+))?/.exec(version.trim());
  return found ? [Number(found[1]), Number(found[2] ?? 0)] : undefined;
}
