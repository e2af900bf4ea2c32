import { runCheck, type CheckOptions } from '../pipeline.js';
import type { Explanation } from './explanation.js';
import { explainService } from './explain-service.js';
import { pickService } from './pick-service.js';

export interface ExplainOptions extends Pick<CheckOptions, 'cwd' | 'configPath' | 'staged' | 'since' | 'target' | 'virtualEnv' | 'cache'> {
  /** A Dockerfile path (or its folder), or a service name as `check` shows it. */
  service: string;
  /** A dotted module to look for (`orders.pricing.rules`). */
  module?: string;
  /** Folders of mixed origin are opened this many levels deep. */
  depth?: number;
  /** Open every folder and list every file. */
  verbose?: boolean;
}

/** Folders below `/app/pkg/sub` are rarely worth a line of their own. */
export const DEFAULT_TREE_DEPTH = 3;

/**
 * `dockguard explain`: one service as the check sees it, read from the
 * check's own run (the same discovery, scope, image model and walk), so an
 * explanation never disagrees with the verdict.
 */
export async function explain(options: ExplainOptions): Promise<Explanation> {
  const { service, module, depth, verbose, ...check } = options;
  const { inspected } = await runCheck(check, {
    pick: (specs, excluded, root) => pickService(service, specs, excluded, { root, cwd: options.cwd }),
    read: (seen) => explainService(seen, module, { depth: depth ?? DEFAULT_TREE_DEPTH, verbose: verbose ?? false }),
  });
  // runCheck reads the picked service on every path that returns; pick throws otherwise.
  return inspected!;
}
