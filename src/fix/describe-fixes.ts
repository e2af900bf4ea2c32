import type { FixPlan } from './plan-fixes.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

/**
 * What `--fix` did (or `--diff` would do), for stderr: the files and lines,
 * the locks to regenerate (never edited), and each fix left to the
 * developer with why. The report of the check that follows says what remains.
 */
export function describeFixes(plan: FixPlan, mode: { preview: boolean; staged: boolean }): string {
  const lines: string[] = [];
  const verb = mode.preview ? 'would apply' : 'applied';
  if (plan.files.length === 0) lines.push('dockguard: nothing to fix automatically');
  else {
    const files = plan.files.map((f) => f.file);
    const fixes = plan.files.reduce((n, f) => n + f.applied.length, 0);
    lines.push(`dockguard: ${verb} ${plural(fixes, 'fix')} for ${plural(plan.fixedFindings, 'finding')} to ${files.join(', ')}${mode.staged && !mode.preview ? ' (and staged them)' : ''}`);
  }
  for (const { lock, declaration, command } of plan.locks) {
    lines.push(`dockguard: ${lock} is generated from ${declaration} and never edited: regenerate it with \`${command}\``);
  }
  for (const { fix, reason } of plan.skipped) lines.push(`dockguard: not fixed (${fix.file}: ${fix.text.split('\n', 1)[0]}): ${reason}`);
  return `${lines.join('\n')}\n`;
}
