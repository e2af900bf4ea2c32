import type { Finding } from '../types.js';

/** One problem as a reader meets it: the same finding of several services, shown once. */
export interface FindingGroup {
  /** The first service's finding: rule, location, message, chain. */
  finding: Finding;
  /** Every service (and variant) the finding was reported for, in report order. */
  services: string[];
  /** Each service's fix, when the fixes differ; one entry when they are the same. */
  fixes: Array<{ service: string; fix: NonNullable<Finding['fix']> }>;
}

const serviceName = (f: Finding): string => (f.variant ? `${f.service} (${f.variant})` : f.service);

/** Same rule, place, module and message: a shared module missing from 8 images is one problem. */
const groupKey = (f: Finding): string => [f.severity, f.rule, f.file, f.line, f.module ?? '', f.distribution ?? '', f.message, f.assumption ?? ''].join('\0');

const fixKey = (fix: NonNullable<Finding['fix']>): string => [fix.file, fix.line, fix.text].join('\0');

/** Groups sorted findings, keeping the order of each group's first finding. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = groupKey(finding);
    const group = groups.get(key) ?? { finding, services: [], fixes: [] };
    groups.set(key, group);
    const service = serviceName(finding);
    if (!group.services.includes(service)) group.services.push(service);
    if (finding.fix && !group.fixes.some((f) => fixKey(f.fix) === fixKey(finding.fix!))) group.fixes.push({ service, fix: finding.fix });
  }
  return [...groups.values()];
}

/** Which services a problem concerns, in words; nothing when the finding is about the one service's own Dockerfile. */
export function describeServices({ finding, services }: FindingGroup): string | undefined {
  if (services.length > 1) return `in ${services.length} services: ${services.join(', ')}`;
  return services[0] === finding.file ? undefined : `in ${services[0]}`;
}
