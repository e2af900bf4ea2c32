import path from 'node:path';
import { DockguardError } from '../errors.js';
import type { RepoPath, ServiceSpec } from '../types.js';

/** How `check` names a service: its Dockerfile, and the config entry or compose service name when it has one. */
export function serviceTitle(spec: Pick<ServiceSpec, 'dockerfile' | 'name' | 'variant'>): string {
  const name = spec.variant ?? spec.name;
  return name ? `${spec.dockerfile} (${name})` : spec.dockerfile;
}

/**
 * The service `explain` is asked about: a name as `check` shows it (the
 * whole title, or its name part), or a Dockerfile path (relative to where
 * dockguard runs, or to the root) or the folder holding it. No match, or
 * several, is a usage error naming the nearest services.
 */
export function pickService(query: string, specs: readonly ServiceSpec[], excluded: readonly RepoPath[], where: { root: string; cwd: string }): ServiceSpec {
  // The most exact reading first: a whole title, then a config variant, then a compose name several variants may share.
  let byName: ServiceSpec[] = [];
  for (const matches of [(s: ServiceSpec) => serviceTitle(s) === query, (s: ServiceSpec) => s.variant === query, (s: ServiceSpec) => s.name === query]) {
    byName = specs.filter(matches);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) break;
  }
  const fromCwd = path.relative(where.root, path.resolve(where.cwd, query)).split(path.sep).join('/');
  const paths = new Set([fromCwd, query.replace(/^\.\//, '').replace(/\/+$/, '')]);
  const byPath = byName.length > 1 ? byName : specs.filter((s) => paths.has(s.dockerfile) || paths.has(path.posix.dirname(s.dockerfile)));
  if (byPath.length === 1) return byPath[0]!;
  if (byPath.length > 1) {
    throw new DockguardError(`${query} names ${byPath.length} services: ${byPath.map(serviceTitle).join(', ')}; give the one to explain by its name`);
  }
  const left = excluded.find((e) => paths.has(e));
  if (left !== undefined) throw new DockguardError(`${left} is excluded by the config, so no check looks at it`);
  const near = nearMatches(query, specs.map(serviceTitle));
  throw new DockguardError(`no service ${query}${near.length > 0 ? `; near matches: ${near.join(', ')}` : specs.length > 0 ? `; services: ${specs.slice(0, 5).map(serviceTitle).join(', ')}${specs.length > 5 ? ', …' : ''}` : '; no service found in this repository'}`);
}

/** Titles that contain the query's last part, or are within a few edits of it, nearest first (at most 3). */
function nearMatches(query: string, titles: readonly string[]): string[] {
  const needle = path.posix.basename(query.replace(/\/+$/, '')).toLowerCase();
  const scored = titles.map((title) => {
    const lower = title.toLowerCase();
    const parts = lower.split(/[/ ()]+/).filter(Boolean);
    const distance = Math.min(...parts.map((part) => editDistance(needle, part)), editDistance(query.toLowerCase(), lower));
    return { title, score: lower.includes(needle) && needle !== 'dockerfile' ? 0 : distance };
  });
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return scored
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || (a.title < b.title ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.title);
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
