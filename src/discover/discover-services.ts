import { byCodeUnit } from '../by-code-unit.js';
import type { ContentCache } from '../cache/open-cache.js';
import { createGlobMatcher } from '../config/create-glob-matcher.js';
import type { DockguardConfig } from '../config/schema.js';
import type { Problem, RepoPath, RepoSnapshot, ServiceSpec } from '../types.js';
import { attachRoots } from './attach-roots.js';
import { loadBuildTimeInputs } from './build-time-inputs.js';
import type { BuildInvocation } from './build-invocation.js';
import { referencedDockerfile } from './discovery-problems.js';
import { inferContext } from './infer-context.js';
import { isDockerfileName } from './is-dockerfile-name.js';
import { createRepoTree } from './repo-tree.js';
import { scanBuildFiles } from './scan-build-files.js';
import { specsFromConfig } from './specs-from-config.js';
import { specsFromInvocations } from './specs-from-invocations.js';

export interface DiscoveryResult {
  services: ServiceSpec[];
  excluded: RepoPath[];
  problems: Problem[];
}

/**
 * Every Dockerfile of the snapshot (and every file built as one) with its
 * build context, taken in this order: the config's `services`, compose
 * files, build scripts and CI files, then inference from COPY sources.
 * `configFile` names the config in problems about it.
 */
export async function discoverServices(
  snapshot: RepoSnapshot,
  config: DockguardConfig,
  options: { configFile?: string; cache?: ContentCache } = {},
): Promise<DiscoveryResult> {
  const configFile = options.configFile ?? 'dockguard config';
  const isExcluded = createGlobMatcher(config.exclude);
  const fromConfig = specsFromConfig(config.services, snapshot, configFile);
  const scanned = await scanBuildFiles(snapshot, isExcluded, options.cache);
  const compose = groupByDockerfile(scanned.invocations.filter((i) => i.source === 'compose'));
  const scripts = groupByDockerfile(scanned.invocations.filter((i) => i.source === 'script'));
  const dockerfiles = new Set<RepoPath>([...snapshot.files].filter(isDockerfileName));
  for (const source of [fromConfig.byDockerfile, compose, scripts]) for (const d of source.keys()) dockerfiles.add(d);

  const tree = createRepoTree(snapshot);
  const services: ServiceSpec[] = [];
  const excluded: RepoPath[] = [];
  const problems = [...fromConfig.problems, ...scanned.problems].filter((p) => !mentionsExcluded(p, isExcluded));
  for (const dockerfile of [...dockerfiles].sort()) {
    if (isExcluded(dockerfile)) {
      excluded.push(dockerfile);
      continue;
    }
    const specs =
      fromConfig.byDockerfile.get(dockerfile) ??
      specsOf(dockerfile, compose) ??
      specsOf(dockerfile, scripts) ?? [await inferredSpec(dockerfile, snapshot, tree)];
    for (const spec of specs) problems.push(...attachRoots(spec, config, snapshot, configFile));
    services.push(...specs);
  }
  services.sort((a, b) => byCodeUnit(a.dockerfile, b.dockerfile) || byCodeUnit(a.variant ?? '', b.variant ?? ''));
  problems.sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line || byCodeUnit(a.message, b.message));
  return { services, excluded, problems: dedupe(problems) };
}

function groupByDockerfile(invocations: BuildInvocation[]): Map<RepoPath, BuildInvocation[]> {
  const map = new Map<RepoPath, BuildInvocation[]>();
  for (const i of invocations) map.set(i.dockerfile, [...(map.get(i.dockerfile) ?? []), i]);
  return map;
}

function specsOf(dockerfile: RepoPath, group: Map<RepoPath, BuildInvocation[]>): ServiceSpec[] | undefined {
  const invocations = group.get(dockerfile);
  return invocations ? specsFromInvocations(dockerfile, invocations) : undefined;
}

async function inferredSpec(dockerfile: RepoPath, snapshot: RepoSnapshot, tree: ReturnType<typeof createRepoTree>): Promise<ServiceSpec> {
  const inputs = await loadBuildTimeInputs(snapshot);
  const { context, origin, candidate } = await inferContext(dockerfile, snapshot, tree, (p) => inputs.reasonFor(p));
  const spec: ServiceSpec = { dockerfile, context, contextSource: 'inferred', contextOrigin: origin, buildArgs: {}, roots: [], gcloudUpload: false };
  if (candidate !== undefined) spec.contextCandidate = candidate;
  return spec;
}

/** A problem about an excluded Dockerfile (a missing one included) is left out with it. */
function mentionsExcluded(problem: Problem, isExcluded: (path: string) => boolean): boolean {
  const named = referencedDockerfile(problem);
  return named !== undefined && isExcluded(named);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.rule}\u0000${p.file}\u0000${p.line}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

