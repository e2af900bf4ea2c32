import type { Finding } from '../types.js';
import { entryKey, toBaselineEntry, type BaselineEntry } from './baseline-file.js';

export interface BaselineOutcome {
  /** Findings the baseline does not cover: these are reported and decide the exit code. */
  kept: Finding[];
  /** Findings the baseline accepts: counted, listed with --verbose, never blocking. */
  baselined: Finding[];
  /** Entries of services this run checked that match no finding any more: the problem is gone. */
  stale: BaselineEntry[];
}

/**
 * Sets the accepted findings apart. An entry can only be called stale for a
 * service this run really checked: a hook that leaves a service unaffected
 * has no say about its old problems.
 */
export function applyBaseline(findings: readonly Finding[], entries: readonly BaselineEntry[], checkedServices: ReadonlySet<string>): BaselineOutcome {
  const accepted = new Set(entries.map(entryKey));
  const matched = new Set<string>();
  const kept: Finding[] = [];
  const baselined: Finding[] = [];
  for (const finding of findings) {
    const key = entryKey(toBaselineEntry(finding));
    if (accepted.has(key)) {
      matched.add(key);
      baselined.push(finding);
    } else kept.push(finding);
  }
  const stale = entries.filter((e) => checkedServices.has(e.service) && !matched.has(entryKey(e)));
  return { kept, baselined, stale };
}
