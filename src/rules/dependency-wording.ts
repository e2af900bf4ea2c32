/** Wording shared by the dependency rules (DG101–DG107). */

/** `db-dtypes`, `db-dtypes or pandas`. */
export const either = (names: readonly string[]): string => names.join(' or ');

const NO_PYTHON_INSTALL = 'no RUN of the image has a pip, uv, poetry, pipenv or pdm install';

/**
 * ` (looked at requirements.txt, uv.lock)`, or, with nothing to look at, what
 * is known: no pip-family install is read (an apt-get, a conda or a `make
 * install` may still install Python packages, so "installs none" is not said).
 */
export function lookedAt(files: readonly string[]): string {
  return files.length === 0 ? NO_PYTHON_INSTALL : `looked at ${files.join(', ')}`;
}

/**
 * The assumption of a finding made while the installed set is incomplete:
 * the image may install more than dockguard can see, so the finding is
 * `assumed` (a warning) and says why.
 */
export function incompleteAssumption(incomplete: string | undefined): { assumption: string } | Record<string, never> {
  return incomplete === undefined ? {} : { assumption: `the image may install more than dockguard can see: ${incomplete}` };
}

/** The fix in words, for the end of a message. */
export function fixNote(fix: { text: string; file: string; description: string } | undefined): string {
  return fix === undefined ? '' : `; fix: ${fix.description}`;
}
