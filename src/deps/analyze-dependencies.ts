import type { DockguardConfig } from '../config/schema.js';
import type { RepoSnapshot, ServiceAnalysis } from '../types.js';
import type { DependencyAnalysis } from './dependency-analysis.js';
import { pythonVersionOfImage } from './python-version.js';

/** Shared by every service of one run: dependency files are read and parsed once. */
export interface DependencyContext {
  snapshot: RepoSnapshot;
  config: DockguardConfig;
}

export async function createDependencyContext(
  snapshot: RepoSnapshot,
  config: DockguardConfig,
  _options: { virtualEnv?: string | undefined },
): Promise<DependencyContext> {
  return { snapshot, config };
}

/** Placeholder until the dependency stage lands: records the image's Python version only. */
export async function analyzeDependencies(analysis: ServiceAnalysis, _ctx: DependencyContext): Promise<DependencyAnalysis> {
  return { pythonVersion: pythonVersionOfImage(analysis.image?.baseImage) };
}
