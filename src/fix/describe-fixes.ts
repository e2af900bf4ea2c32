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
  // One line per file and reason: a file left alone as a whole is said once, with every fix it would have taken.
  const skipped = new Map<string, { file: string; texts: string[]; reason: string }>();
  for (const { fix, reason } of plan.skipped) {
    const key = `${fix.file}\0${reason}`;
    const entry = skipped.get(key) ?? { file: fix.file, texts: [], reason };
    entry.texts.push(fix.text.split('\n', 1)[0]!.trim());
    skipped.set(key, entry);
  }
  for (const { file, texts, reason } of skipped.values()) lines.push(`dockguard: not fixed (${file}: ${texts.join(', ')}): ${reason}`);
  return `${lines.join('\n')}\n`;
}
