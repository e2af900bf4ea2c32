import { check } from '../pipeline.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { exitCodeFor } from '../result.js';
import { reportFailure } from './report-failure.js';
import { shouldUseColor } from './use-color.js';

export interface CheckCommandOptions {
  paths: string[];
  format: 'text' | 'json';
  config?: string;
  target?: string;
  staged?: boolean;
  verbose?: boolean;
  /** commander's `--no-cache` sets this to false. */
  cache?: boolean;
}

type Io = Pick<NodeJS.Process, 'cwd' | 'env' | 'stdout' | 'stderr'>;

/** Runs `dockguard check`, writes the report, and returns the exit code (0 clean, 1 errors found, 2 could not run). */
export async function runCheckCommand(options: CheckCommandOptions, io: Io): Promise<number> {
  try {
    const result = await check({
      cwd: io.cwd(),
      paths: options.paths,
      ...(options.config !== undefined ? { configPath: options.config } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.staged ? { staged: true } : {}),
      ...(options.verbose ? { verbose: true } : {}),
      ...(options.cache === false ? { cache: false } : {}),
      ...(io.env.VIRTUAL_ENV !== undefined ? { virtualEnv: io.env.VIRTUAL_ENV } : {}),
    });
    const color = shouldUseColor(io.env, Boolean(io.stdout.isTTY));
    io.stdout.write(options.format === 'json' ? formatJson(result) : formatText(result, { color, hookHints: options.staged ?? false }));
    return exitCodeFor(result);
  } catch (error) {
    io.stderr.write(reportFailure(error));
    return 2;
  }
}
