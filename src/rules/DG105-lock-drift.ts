import type { Rule } from './rule.js';

/**
 * DG105 lock-drift — a declaration file the image installs and its companion
 * lock disagree: a declared requirement is missing from the lock, or locked
 * at a version outside its specifier. The image gets what the lock says, not
 * what the team declared. Example: `db-dtypes` added to pyproject.toml
 * without `uv lock`. Fix: regenerate the lock (command given).
 */
export const lockDrift: Rule = {
  code: 'DG105',
  name: 'lock-drift',
  severity: 'error',
  summary: 'a requirements/pyproject file and its lock disagree (missing from the lock, or a version outside the specifier)',
  why: 'the image installs the lock, not what is declared',
  fix: 'regenerate the lock with the command shown, and commit it',
  check: (analysis) =>
    (analysis.dependencies?.lockDrift ?? []).map((d) => ({
      code: lockDrift.code,
      rule: lockDrift.name,
      severity: lockDrift.severity,
      file: d.declaredIn,
      line: d.line,
      message: d.problem === 'missing-from-lock'
        ? `${d.distribution}${d.specifier} is declared in ${d.declaredIn} but missing from ${d.lock}; regenerate the lock (${d.fix?.text ?? 'lock again'})`
        : `${d.distribution}${d.specifier} is declared in ${d.declaredIn} but ${d.lock} pins ${d.lockedVersion ?? 'another version'}; regenerate the lock (${d.fix?.text ?? 'lock again'})`,
      distribution: d.distribution,
      ...(d.fix ? { fix: d.fix } : {}),
    })),
};
