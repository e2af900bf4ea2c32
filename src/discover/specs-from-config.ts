import type { ServiceConfig } from '../config/schema.js';
import type { Problem, RepoPath, RepoSnapshot, ServiceSpec } from '../types.js';
import { dockerfileNotFound } from './discovery-problems.js';
import { describeDir, joinRepoPath } from './repo-path.js';

/** The config's `services` entries as specs, grouped by Dockerfile; missing Dockerfiles become problems. */
export function specsFromConfig(
  services: readonly ServiceConfig[],
  snapshot: RepoSnapshot,
  configFile: string,
): { byDockerfile: Map<RepoPath, ServiceSpec[]>; problems: Problem[] } {
  const byDockerfile = new Map<RepoPath, ServiceSpec[]>();
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  const dockerfiles = services.map((s) => joinRepoPath('', s.dockerfile));
  for (const d of dockerfiles) if (d !== undefined) counts.set(d, (counts.get(d) ?? 0) + 1);
  services.forEach((entry, i) => {
    const dockerfile = dockerfiles[i];
    if (dockerfile === undefined) return;
    if (!snapshot.files.has(dockerfile)) {
      problems.push(dockerfileNotFound(configFile, 0, dockerfile));
      return;
    }
    const context = joinRepoPath('', entry.context);
    const present = context !== undefined && snapshot.dirs.has(context);
    const spec: ServiceSpec = {
      dockerfile,
      context: present ? context : undefined,
      contextSource: 'config',
      contextOrigin: present
        ? `${configFile} services[${i}]`
        : `${configFile} services[${i}]: context ${describeDir(context ?? entry.context)} is not a folder of the repository`,
      buildArgs: { ...entry.buildArgs },
      roots: [],
      gcloudUpload: false,
    };
    if (entry.name !== undefined) spec.name = entry.name;
    if ((counts.get(dockerfile) ?? 0) > 1 && entry.name !== undefined) spec.variant = entry.name;
    if (entry.target !== undefined) spec.target = entry.target;
    if (entry.entrypoint !== undefined) spec.entrypoint = entry.entrypoint;
    byDockerfile.set(dockerfile, [...(byDockerfile.get(dockerfile) ?? []), spec]);
  });
  return { byDockerfile, problems };
}
