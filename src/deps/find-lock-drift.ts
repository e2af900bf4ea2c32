import { satisfiesSpecifier } from './compare-versions.js';
import type { Requirement } from './types.js';

export interface LockDrift {
  requirement: Requirement;
  problem: 'missing-from-lock' | 'version-outside-specifier';
  /** The locked versions that miss the specifier (comma-joined when the lock forks). */
  lockedVersion?: string;
}

/**
 * Declared requirements the lock does not honour: absent from it, or locked
 * at a version outside the declared specifier. Requirements whose marker is
 * false for the image, and those whose name only a build could tell, are not
 * expected in the lock.
 */
export function findLockDrift(declared: Requirement[], locked: Requirement[]): LockDrift[] {
  const versions = new Map<string, string[]>();
  for (const l of locked) versions.set(l.name, [...(versions.get(l.name) ?? []), l.specifier.replace(/^===?/, '')]);
  const drift: LockDrift[] = [];
  for (const requirement of declared) {
    if (requirement.markerResult === false || requirement.name === '') continue;
    const found = versions.get(requirement.name);
    if (!found) {
      drift.push({ requirement, problem: 'missing-from-lock' });
      continue;
    }
    if (requirement.specifier === '' || requirement.kind !== 'registry') continue;
    const pinned = found.filter((v) => v !== '');
    if (pinned.length === 0 || pinned.some((v) => satisfiesSpecifier(v, requirement.specifier))) continue;
    drift.push({ requirement, problem: 'version-outside-specifier', lockedVersion: pinned.join(', ') });
  }
  return drift;
}
