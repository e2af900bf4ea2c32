import type { DockguardConfig } from '../config/schema.js';
import type { Problem, RepoPath, RepoSnapshot, ServiceSpec } from '../types.js';
import { rootNotFound } from './discovery-problems.js';
import { joinRepoPath } from './repo-path.js';

/**
 * Fills `roots` from the service's own config entry and from the top-level
 * `roots` map (keyed by Dockerfile path or service name). A root that is not
 * in the repository is a problem: the code it names would go unchecked.
 */
export function attachRoots(
  spec: ServiceSpec,
  config: DockguardConfig,
  snapshot: RepoSnapshot,
  configFile: string,
): Problem[] {
  const entry = config.services.find(
    (s) => joinRepoPath('', s.dockerfile) === spec.dockerfile && (s.name ?? undefined) === spec.name && spec.contextSource === 'config',
  );
  const written = [
    ...(entry?.roots ?? []),
    ...(config.roots[spec.dockerfile] ?? []),
    ...(spec.name !== undefined ? (config.roots[spec.name] ?? []) : []),
    ...(spec.variant !== undefined && spec.variant !== spec.name ? (config.roots[spec.variant] ?? []) : []),
  ];
  const roots = new Set<RepoPath>();
  const problems: Problem[] = [];
  for (const root of written) {
    const path = joinRepoPath('', root);
    if (path !== undefined && snapshot.files.has(path)) roots.add(path);
    else problems.push(rootNotFound(configFile, root, spec.variant ?? spec.name ?? spec.dockerfile));
  }
  spec.roots = [...roots];
  return problems;
}
