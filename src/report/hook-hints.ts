import type { createColors } from 'picocolors';
import type { CheckResult } from '../result.js';

type Colors = ReturnType<typeof createColors>;

/** Which hook ran dockguard: each has its own way to skip it once. */
export type HookRunner = 'pre-commit-framework' | 'git';

/** The hook that ran the check, as the CLI saw it. */
export interface HookContext {
  runner: HookRunner;
  /** git runs pre-merge-commit before MERGE_HEAD exists: the CLI tells a merge from git's environment. */
  merge: boolean;
}

/**
 * What a blocked developer needs next, in the words of the hook that ran:
 * a merge is a merge, the bypass is the one that works for this runner, the
 * re-run reproduces what the hook checked, and the ignore comment names the
 * rule that blocked.
 */
export function formatHookHints(result: CheckResult, { runner, merge }: HookContext, c: Colors): string[] {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const isMerge = merge || result.commit?.operation === 'merge';
  const what = isMerge ? 'merge' : 'commit';
  const rule = errors[0]?.rule ?? '<rule>';
  // A blocked merge stays in progress; `git commit` concludes it, through the pre-commit hook.
  const skip = `${runner === 'pre-commit-framework' ? 'SKIP=dockguard git commit' : 'git commit --no-verify'}${isMerge ? ' (concludes the merge unchecked)' : ''}`;
  const lines = [
    c.bold(`This ${what} was blocked because an image would lack code or packages it needs.`),
    `  fix it:        add the lines shown under ${c.green('fix:')}, stage them (git add), and ${isMerge ? 'conclude the merge with git commit' : 'commit again'}`,
  ];
  const unstaged = result.commit?.unstagedFixFiles ?? [];
  if (unstaged.length > 0) lines.push(`  ${c.yellow('not staged:')}   ${unstaged.join(', ')} ${unstaged.length === 1 ? 'has' : 'have'} changes in the working tree that this ${what} does not include: git add ${unstaged.join(' ')}`);
  lines.push(
    `  re-run:        ${c.cyan('npx dockguard check --staged')}`,
    `  accept one:    put ${c.cyan(`# dockguard: ignore[${rule}] -- <reason>`)} on the import line (or on the line above the Dockerfile instruction)`,
    `  accept all:    ${c.cyan('npx dockguard baseline')} records today's errors so that only new ones block`,
    `  skip the hook: ${c.cyan(skip)}`,
  );
  return lines;
}
