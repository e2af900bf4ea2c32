import type { CheckResult } from '../result.js';
import type { Severity } from '../types.js';
import { fingerprintGroups } from './fingerprint.js';
import { describeServices, groupFindings } from './group-findings.js';

/** An error breaks the image at run time; GitLab's scale has no closer word than critical. */
const SEVERITIES: Record<Severity, 'critical' | 'minor' | 'info'> = { error: 'critical', warning: 'minor', info: 'info' };

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`), which
 * merge requests show inline: one entry per distinct problem, with the same
 * fingerprint as the SARIF report so that GitLab tells new problems from old.
 */
export function formatGitlab(result: CheckResult): string {
  const groups = groupFindings(result.findings);
  const fingerprints = fingerprintGroups(groups);
  const issues = groups.map((group, i) => {
    const { finding } = group;
    const assumed = finding.assumption !== undefined ? ` (assumed: ${finding.assumption})` : '';
    const scope = describeServices(group);
    return {
      description: `${finding.code} ${finding.rule}: ${finding.message}${assumed}${scope !== undefined ? `; ${scope}` : ''}`,
      check_name: finding.code,
      fingerprint: fingerprints[i],
      severity: SEVERITIES[finding.severity],
      // Code Quality lines are 1-based; a finding about a whole file points at its first line.
      location: { path: finding.file, lines: { begin: Math.max(1, finding.line) } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
