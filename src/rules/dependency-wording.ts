/** Wording shared by the dependency rules (DG101–DG107). */

/** `db-dtypes`, `db-dtypes or pandas`. */
export const either = (names: readonly string[]): string => names.join(' or ');

/** ` (looked at requirements.txt, uv.lock)` or ` (the image installs no Python packages)`. */
export function lookedAt(files: readonly string[]): string {
  return files.length === 0 ? 'the image installs no Python packages' : `looked at ${files.join(', ')}`;
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
