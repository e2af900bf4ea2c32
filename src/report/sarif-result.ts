import type { Finding } from '../types.js';
import { describeServices, type FindingGroup } from './group-findings.js';
import { describeChainStep } from './chain-step.js';

export type SarifLevel = 'error' | 'warning' | 'note';

/**
 * A repository-relative location. SARIF lines are 1-based and a region needs
 * one; a finding about a whole file (line 0) points at its first line.
 */
const location = (file: string, line: number) => ({
  physicalLocation: { artifactLocation: { uri: encodeUri(file) }, region: { startLine: Math.max(1, line) } },
});

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
const encodeUri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');


/** One result: the first service's finding, every service it concerns, its chain, evidence and fixes. */
export function toSarifResult(group: FindingGroup, at: { fingerprint: string; ruleIndex: number | undefined; level: SarifLevel; baselined: boolean }) {
  const { finding, services, fixes } = group;
  const chain = finding.chain && finding.chain.length > 1 ? finding.chain : [];
  // An assumed finding is never an error, whatever reached this point (run-rules.ts enforces it too).
  const level = finding.evidence === 'assumed' && at.level === 'error' ? 'warning' : at.level;
  return {
    ruleId: finding.code,
    ...(at.ruleIndex !== undefined ? { ruleIndex: at.ruleIndex } : {}),
    level,
    message: { text: messageText(group) },
    locations: [location(finding.file, finding.line)],
    ...(chain.length > 0
      ? {
          relatedLocations: chain.map((link, i) => ({ id: i + 1, ...location(link.file, link.line), message: { text: describeChainStep(link, i) } })),
          codeFlows: [
            {
              message: { text: `import chain of ${services[0]}` },
              threadFlows: [{ locations: chain.map((link, i) => ({ location: { ...location(link.file, link.line), message: { text: describeChainStep(link, i) } } })) }],
            },
          ],
        }
      : {}),
    partialFingerprints: { 'dockguard/v1': at.fingerprint },
    ...(at.baselined ? { suppressions: [{ kind: 'external', status: 'accepted', justification: 'accepted by the dockguard baseline' }] } : {}),
    properties: properties(finding, services, fixes),
  };
}

function messageText(group: FindingGroup): string {
  const { finding, fixes } = group;
  const sentence = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}${s.endsWith('.') ? '' : '.'}`;
  const parts = [sentence(finding.message)];
  if (finding.assumption !== undefined) parts.push(`Assumed: ${finding.assumption}.`);
  const scope = describeServices(group);
  if (scope !== undefined) parts.push(sentence(scope));
  for (const { service, fix } of fixes) parts.push(`Fix${fixes.length > 1 ? ` (${service})` : ''}: ${fix.description}: ${fix.text}`);
  return parts.join(' ');
}

function properties(finding: Finding, services: string[], fixes: FindingGroup['fixes']) {
  return {
    evidence: finding.evidence,
    ...(finding.assumption !== undefined ? { assumption: finding.assumption } : {}),
    services,
    ...(finding.module !== undefined ? { module: finding.module } : {}),
    ...(finding.distribution !== undefined ? { distribution: finding.distribution } : {}),
    ...(fixes.length > 0 ? { fixes: fixes.map(({ service, fix }) => ({ service, ...fix })) } : {}),
  };
}
