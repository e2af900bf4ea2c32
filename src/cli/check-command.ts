import { check, type CheckOptions } from '../pipeline.js';
import type { HookContext } from '../report/hook-hints.js';
import { exitCodeFor } from '../result.js';
import { runFixes } from './fix-command.js';
import { planOutputs, type OutputTarget } from './output-targets.js';
import { writeReports } from './write-reports.js';
import { reportFailure } from './report-failure.js';
import { shouldUseColor } from './use-color.js';

export interface CheckCommandOptions {
  paths: string[];
  /** Each `--format FORMAT[:FILE]`; text on standard output when none is given. */
  format?: OutputTarget[];
  /** Where the one format given without a file goes. */
  outputFile?: string;
  config?: string;
  target?: string;
  staged?: boolean;
  since?: string;
  verbose?: boolean;
  /** commander's `--no-cache` sets this to false. */
  cache?: boolean;
  /** commander's `--no-color` sets this to false. */
  color?: boolean;
  select?: string[];
  ignore?: string[];
  baseline?: string;
  /** Report, but exit 0 even when errors are found (report-only CI). */
  exitZero?: boolean;
  /** Errors and the summary only. */
  quiet?: boolean;
  /** Apply the fixes dockguard is sure of, then check again. */
  fix?: boolean;
  /** Print those fixes as a unified diff; change nothing. */
  diff?: boolean;
}

/**
 * The hook around this run, from the environment: the pre-commit framework
 * sets PRE_COMMIT=1 for its hooks (its bypass is `SKIP=<id>`), and git runs
 * pre-merge-commit with GIT_REFLOG_ACTION `merge <branch>`, before MERGE_HEAD exists.
 */
const detectHook = (env: NodeJS.ProcessEnv): HookContext => ({
  runner: env.PRE_COMMIT === '1' ? 'pre-commit-framework' : 'git',
  merge: /^merge\b/.test(env.GIT_REFLOG_ACTION ?? ''),
});

type Io = Pick<NodeJS.Process, 'cwd' | 'env' | 'stdout' | 'stderr'>;

/** Runs `dockguard check`, writes the report, and returns the exit code (0 clean, 1 errors found, 2 could not run). */
export async function runCheckCommand(options: CheckCommandOptions, io: Io): Promise<number> {
  let progress = startProgress(io.stderr);
  try {
    // Report targets are checked before any analysis: a bad --format or output path is a usage error.
    const outputs = await planOutputs(options.format, options.outputFile, io.cwd());
    const checkOptions = toCheckOptions(options, io);
    if (options.fix || options.diff) {
      const code = await runFixes(checkOptions, { diff: options.diff ?? false, exitZero: options.exitZero ?? false }, io, () => progress.stop());
      if (code !== undefined) return code;
      progress = startProgress(io.stderr);
    }
    const result = await check(checkOptions);
    progress.stop();
    const color = options.color !== false && shouldUseColor(io.env, Boolean(io.stdout.isTTY));
    const hook = options.staged ? { hook: detectHook(io.env) } : {};
    await writeReports(result, outputs, { color, ...hook, verbose: options.verbose ?? false, quiet: options.quiet ?? false }, io);
    return options.exitZero ? 0 : exitCodeFor(result);
  } catch (error) {
    progress.stop();
    io.stderr.write(reportFailure(error));
    return 2;
  }
}

function toCheckOptions(options: CheckCommandOptions, io: Io): CheckOptions {
  return {
    cwd: io.cwd(),
    paths: options.paths,
    ...(options.config !== undefined ? { configPath: options.config } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.staged ? { staged: true } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.verbose ? { verbose: true } : {}),
    ...(options.cache === false ? { cache: false } : {}),
    ...(options.select ? { select: options.select } : {}),
    ...(options.ignore ? { ignoreRules: options.ignore } : {}),
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
    ...(io.env.VIRTUAL_ENV !== undefined ? { virtualEnv: io.env.VIRTUAL_ENV } : {}),
  };
}

/**
 * On a terminal, a run longer than a second says it is still working, on
 * one self-erasing stderr line; pipes and CI logs get nothing.
 */
function startProgress(stderr: Io['stderr']): { stop: () => void } {
  if (!stderr.isTTY) return { stop: () => undefined };
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    shown = true;
    stderr.write(`\rdockguard: checking… ${Math.round((Date.now() - started) / 1000)} s`);
  }, 1000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (shown) stderr.write('\r\u001b[2K');
    },
  };
}
