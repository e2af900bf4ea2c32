import { loadConfig } from '../config/load-config.js';
import { discoverServices } from '../discover/discover-services.js';
import { findRepoRoot } from '../git/repo-root.js';
import { createWorktreeSnapshot } from '../git/worktree-snapshot.js';
import { applyInit } from '../init/apply-init.js';
import { planInit } from '../init/plan-init.js';
import { reportFailure } from './report-failure.js';

type Io = Pick<NodeJS.Process, 'cwd' | 'stdout' | 'stderr'>;

/** `dockguard init`: discover the services, plan the hook set-up, carry it out (or print it with --dry-run). */
export async function runInitCommand(options: { dryRun: boolean; force: boolean }, io: Io): Promise<number> {
  try {
    const root = await findRepoRoot(io.cwd());
    const { config, source } = await loadConfig(root);
    const snapshot = await createWorktreeSnapshot(root);
    const { services } = await discoverServices(snapshot, config, source === undefined ? {} : { configFile: source });
    const plan = await planInit(root, {
      ...options,
      services: services.map((s) => ({
        dockerfile: s.dockerfile,
        ...(s.context !== undefined ? { context: s.context === '' ? '.' : s.context } : {}),
        contextSource: s.contextSource,
        ...(s.contextOrigin !== undefined ? { contextOrigin: s.contextOrigin } : {}),
        ...(s.name !== undefined ? { name: s.name } : {}),
      })),
    });
    const lines = await applyInit(plan);
    io.stdout.write(`${[...lines, '', 'Check by hand at any time: npx dockguard check'].join('\n')}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(reportFailure(error));
    return 2;
  }
}
