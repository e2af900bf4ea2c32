import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import type { FindingGroup } from './group-findings.js';

/**
 * What a problem is, independent of where lines fall: the rule, the file, and
 * the module or distribution concerned, else the message with its digits
 * blanked (file-level messages name line numbers and versions that move).
 * Not the line (an edit above moves it), not the severity (an assumption
 * settled later turns the same problem into an error), not the services (a
 * new service importing an already broken shared module is the same problem).
 */
const identity = (f: Finding): string => ['dockguard/v1', f.code, f.file, f.module ?? f.distribution ?? f.message.replace(/\d+/g, '0')].join('\0');

/**
 * One fingerprint per group, for SARIF `partialFingerprints` and GitLab's
 * `fingerprint`: the SHA-256 of the identity above plus the rank of the group
 * among those of the same identity in its file, by line (the same missing
 * module imported on two lines is two problems). So a fingerprint changes
 * only when its own problem changes, never when other findings come and go
 * or when lines shift.
 */
export function fingerprintGroups(groups: readonly FindingGroup[]): string[] {
  const ranked = groups.map((group, index) => ({ key: identity(group.finding), line: group.finding.line, message: group.finding.message, index }));
  const rank = new Map<number, number>();
  const seen = new Map<string, number>();
  const byLine = [...ranked].sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  for (const entry of byLine) {
    const n = seen.get(entry.key) ?? 0;
    seen.set(entry.key, n + 1);
    rank.set(entry.index, n);
  }
  return ranked.map((entry) => createHash('sha256').update(`${entry.key}\0${rank.get(entry.index)}`).digest('hex').slice(0, 32));
}
