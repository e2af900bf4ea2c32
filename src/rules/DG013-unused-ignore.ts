import type { Rule } from './rule.js';

/**
 * DG013 unused-ignore — a `# dockguard: ignore[…]` comment that silenced
 * nothing. Stale ignores hide the next real breakage on that line. Found
 * across all services of a run (a shared file may be silenced for one
 * service only), so the pipeline reports it; the rule holds its metadata.
 */
export const unusedIgnore: Rule = {
  code: 'DG013',
  name: 'unused-ignore',
  severity: 'warning',
  summary: 'a dockguard ignore comment silences nothing',
  why: 'a stale ignore would hide the next real breakage on that line',
  fix: 'remove the ignore comment, or correct the rule it names',
  check: () => [],
};
