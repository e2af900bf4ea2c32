import type { Rule } from './rule.js';

/**
 * DG106 unlocked-install — the image installs a loose requirements file (or
 * a project with `pip install .`) while a lock for it sits beside it. Every
 * build resolves afresh, so the image can differ from what was tested.
 * Example: `pip install -r requirements.in` beside a pip-compiled
 * requirements.txt. Fix: install the lock (the line given).
 */
export const unlockedInstall: Rule = {
  code: 'DG106',
  name: 'unlocked-install',
  severity: 'warning',
  summary: 'the image installs a loose requirements file while a lock for it exists beside it',
  why: 'each build resolves new versions: the image is not what was tested',
  fix: 'install the lock instead (the line shown)',
  check: (analysis) =>
    (analysis.dependencies?.unlockedInstalls ?? []).map((u) => ({
      code: unlockedInstall.code,
      rule: unlockedInstall.name,
      severity: unlockedInstall.severity,
      file: u.dockerfile,
      line: u.line,
      message: `the image installs ${u.file} (unpinned) while ${u.lock} pins it; install the lock instead`,
      ...(u.fix ? { fix: u.fix } : {}),
    })),
};
