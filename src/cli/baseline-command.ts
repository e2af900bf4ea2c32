import { lstat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_BASELINE_FILE, formatBaseline } from '../baseline/baseline-file.js';
import { DockguardError } from '../errors.js';
import { check } from '../pipeline.js';
import { reportFailure } from './report-failure.js';

type Io = Pick<NodeJS.Process, 'cwd' | 'env' | 'stdout' | 'stderr'>;

/**
 * `dockguard baseline`: checks every service of the working tree (with no
 * baseline, so nothing already accepted is left out) and writes its error
 * findings, one per line, to the baseline file. Warnings never block, so
 * they are not recorded.
 */
export async function runBaselineCommand(options: { output?: string; config?: string }, io: Io): Promise<number> {
  try {
    const result = await check({
      cwd: io.cwd(),
      baseline: false,
      ...(options.config !== undefined ? { configPath: options.config } : {}),
    });
    const errors = result.findings.filter((f) => f.severity === 'error');
    const target = options.output !== undefined ? path.resolve(io.cwd(), options.output) : path.join(result.root, DEFAULT_BASELINE_FILE);
    const relative = path.relative(result.root, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new DockguardError(`${options.output}: the baseline must be written inside the repository ${result.root}`);
    // A symbolic link here (a tracked one arriving from a clone) could point anywhere: write a file, never through a link.
    if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) throw new DockguardError(`${relative}: is a symbolic link; remove it and run again`);
    await writeFile(target, formatBaseline(errors));
    io.stdout.write(`wrote ${relative.split(path.sep).join('/')}: ${errors.length} error finding${errors.length === 1 ? '' : 's'} accepted; commit it, and only new errors will block\n`);
    return 0;
  } catch (error) {
    io.stderr.write(reportFailure(error));
    return 2;
  }
}
