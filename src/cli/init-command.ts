import { loadConfig } from '../config/load-config.js';
import { discoverServices } from '../discover/discover-services.js';
import { findRepoRoot } from '../git/repo-root.js';
import { createWorktreeSnapshot } from '../git/worktree-snapshot.js';
import { applyInit } from '../init/apply-init.js';
import { planInit } from '../init/plan-init.js';
import { checkHooksDirOption } from '../init/plan-versioned-hooks.js';
import { reportFailure } from './report-failure.js';
import { check } from '../pipeline.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/baseline-file.js';

/**
 * A repository that already has errors would have every commit that touches
 * them blocked from the first day: say how many there are, and offer the
 * baseline that accepts them (init never writes it unasked).
 */
async function offerBaseline(cwd: string): Promise<string[]> {
  let result: Awaited<ReturnType<typeof check>>;
  try {
    result = await check({ cwd, baseline: false, cache: false });
  } catch (error) {
    // The hooks are set up; a first check that cannot run is worth a line, not a failed init.
    return [`A first check could not run: ${(error as Error).message}`, ''];
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  if (errors === 0) return [];
  const services = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.service)).size;
  return [
    `This repository already has ${errors} error finding${errors === 1 ? '' : 's'} in ${services} service${services === 1 ? '' : 's'} (npx dockguard check lists them).`,
    `To adopt the hook without fixing them first: npx dockguard baseline records these ${errors} in ${DEFAULT_BASELINE_FILE}; commit it, and only new errors will block.`,
    '',
  ];
}

type Io = Pick<NodeJS.Process, 'cwd' | 'stdout' | 'stderr'>;

/** `dockguard init`: discover the services, plan the hook set-up, carry it out (or print it with --dry-run). */
export async function runInitCommand(options: { dryRun: boolean; force: boolean; hooksDir?: string }, io: Io): Promise<number> {
  try {
    const root = await findRepoRoot(io.cwd());
    const hooksDir = options.hooksDir === undefined ? undefined : checkHooksDirOption(root, io.cwd(), options.hooksDir);
    const { config, source } = await loadConfig(root);
    const snapshot = await createWorktreeSnapshot(root);
    const { services } = await discoverServices(snapshot, config, source === undefined ? {} : { configFile: source });
    const plan = await planInit(root, {
      dryRun: options.dryRun,
      force: options.force,
      ...(hooksDir !== undefined ? { hooksDir } : {}),
      services: services.map((s) => ({
        dockerfile: s.dockerfile,
        ...(s.context !== undefined ? { context: s.context === '' ? '.' : s.context } : {}),
        contextSource: s.contextSource,
        ...(s.contextOrigin !== undefined ? { contextOrigin: s.contextOrigin } : {}),
        ...(s.name !== undefined ? { name: s.name } : {}),
      })),
    });
    const lines = await applyInit(plan);
    io.stdout.write(`${[...lines, '', ...(await offerBaseline(io.cwd())), 'Check by hand at any time: npx dockguard check'].join('\n')}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(reportFailure(error));
    return 2;
  }
}
