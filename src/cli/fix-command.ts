import { check, type CheckOptions } from '../pipeline.js';
import { exitCodeFor } from '../result.js';
import { loadFixSources, writeFixes } from '../fix/apply-fixes.js';
import { describeFixes } from '../fix/describe-fixes.js';
import { planFixes } from '../fix/plan-fixes.js';
import { formatUnifiedDiff } from '../fix/unified-diff.js';

type Io = Pick<NodeJS.Process, 'stdout' | 'stderr'>;

/**
 * `check --fix` and `check --diff`: a first check, then the fixes dockguard
 * is sure of. `--diff` prints them as a unified diff, changes nothing and
 * returns the check's exit code. `--fix` writes them (and, with `--staged`,
 * stages them) and returns undefined: the caller's own check, which follows,
 * is the re-check that reports what remains.
 */
export async function runFixes(checkOptions: CheckOptions, mode: { diff: boolean; exitZero: boolean }, io: Io, beforeOutput: () => void): Promise<number | undefined> {
  const result = await check(checkOptions);
  const staged = checkOptions.staged === true;
  const { sources, targets } = await loadFixSources(result.root, result.findings, { staged });
  const plan = planFixes(result.findings, sources);
  beforeOutput();
  if (mode.diff) {
    io.stdout.write(plan.files.map((f) => formatUnifiedDiff(f.file, f.before, f.after)).join(''));
    io.stderr.write(describeFixes(plan, { preview: true, staged }));
    return mode.exitZero ? 0 : exitCodeFor(result);
  }
  await writeFixes(result.root, plan, targets, { stage: staged });
  io.stderr.write(describeFixes(plan, { preview: false, staged }));
  return undefined;
}
