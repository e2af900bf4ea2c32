import type { CheckResult } from '../result.js';
import { RULES, type Rule } from '../rules/index.js';
import { describeRule, isOnByDefault, README_URL, ruleDocsUrl } from '../rules/rule-docs.js';
import type { Severity } from '../types.js';
import { fingerprintGroups } from './fingerprint.js';
import { groupFindings } from './group-findings.js';
import { toSarifResult, type SarifLevel } from './sarif-result.js';

export interface SarifOptions {
  /** dockguard's own version, for `tool.driver.version`. */
  version: string;
}

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, IDE viewers):
 * every rule with its documentation, one result per distinct problem (a
 * shared module missing from several images is one result naming them all,
 * as the text report shows it), its import chain as a code flow, and
 * fingerprints that stay stable across runs so that alerts are not
 * duplicated. Paths are repository-relative, which code scanning resolves
 * against the checkout. Deterministic: no times, no absolute paths.
 */
export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const groups = groupFindings(result.findings);
  // Baselined findings are results too, marked suppressed: code scanning then shows them as accepted, not as fixed.
  const accepted = groupFindings(result.baselined);
  const fingerprints = fingerprintGroups([...groups, ...accepted]);
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dockguard', version: options.version, semanticVersion: options.version, informationUri: README_URL, rules: RULES.map(toSarifRule) } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(result) }],
        columnKind: 'utf16CodeUnits',
        results: [...groups, ...accepted].map((group, i) =>
          toSarifResult(group, { fingerprint: fingerprints[i]!, ruleIndex: ruleIndex.get(group.finding.code), level: LEVELS[group.finding.severity], baselined: i >= groups.length }),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toSarifRule(rule: Rule) {
  const docs = describeRule(rule);
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary}: ${rule.why}.` },
    help: {
      text: docs.map(({ label, text }) => `${label}: ${text}`).join('\n'),
      markdown: docs.map(({ label, text }) => `- **${label}**: ${text}`).join('\n'),
    },
    helpUri: ruleDocsUrl(rule),
    defaultConfiguration: { level: LEVELS[rule.severity], enabled: isOnByDefault(rule) },
  };
}

/** Services dockguard could not analyse, and the run's notes: "could not look" is said, not dropped. */
function notifications(result: CheckResult) {
  const failed = result.services
    .filter((s) => s.status === 'failed')
    .map((s) => ({
      level: 'warning' as const,
      message: { text: `not checked: ${s.dockerfile}${s.variant ? ` (${s.variant})` : ''}: ${s.reason ?? 'could not be analysed'}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: s.dockerfile } } }],
    }));
  return [...failed, ...result.notes.map((note) => ({ level: 'note' as const, message: { text: note } }))];
}
