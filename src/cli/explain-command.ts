import { explain } from '../explain/explain.js';
import { formatExplanationText } from '../report/explain-text.js';
import { reportFailure } from './report-failure.js';
import { shouldUseColor } from './use-color.js';

export interface ExplainCommandOptions {
  service: string;
  module?: string;
  format: 'text' | 'json';
  config?: string;
  target?: string;
  staged?: boolean;
  since?: string;
  verbose?: boolean;
  depth?: string;
  /** commander's `--no-cache` sets this to false. */
  cache?: boolean;
  /** commander's `--no-color` sets this to false. */
  color?: boolean;
}

type Io = Pick<NodeJS.Process, 'cwd' | 'env' | 'stdout' | 'stderr'>;

/** Runs `dockguard explain`, writes the explanation, and returns the exit code (0 shown, 2 could not). */
export async function runExplainCommand(options: ExplainCommandOptions, io: Io): Promise<number> {
  const depth = options.depth === undefined ? undefined : Number(options.depth);
  if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0)) {
    io.stderr.write(`dockguard: --depth takes a whole number of folder levels, not ${options.depth} (see dockguard explain --help)\n`);
    return 2;
  }
  try {
    const explanation = await explain({
      cwd: io.cwd(),
      service: options.service,
      ...(options.module !== undefined ? { module: options.module } : {}),
      ...(options.config !== undefined ? { configPath: options.config } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.staged ? { staged: true } : {}),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.cache === false ? { cache: false } : {}),
      ...(depth !== undefined ? { depth } : {}),
      ...(options.verbose ? { verbose: true } : {}),
      ...(io.env.VIRTUAL_ENV !== undefined ? { virtualEnv: io.env.VIRTUAL_ENV } : {}),
    });
    const color = options.color !== false && shouldUseColor(io.env, Boolean(io.stdout.isTTY));
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanationText(explanation, { color, verbose: options.verbose ?? false }));
    return 0;
  } catch (error) {
    io.stderr.write(reportFailure(error));
    return 2;
  }
}
