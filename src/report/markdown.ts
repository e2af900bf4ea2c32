import type { CheckResult, ServiceReport } from '../result.js';
import type { Finding } from '../types.js';
import { groupFindings, type FindingGroup } from './group-findings.js';
import { codeSpan, escapeMarkdown, fencedBlock, mermaidChain, tableCell } from './markdown-text.js';

/** GitHub caps a step summary at 1 MiB: past these counts, the rest is counted, not drawn. */
const MAX_ERRORS_SHOWN = 50;
const MAX_WARNINGS_SHOWN = 100;

/**
 * A report for `$GITHUB_STEP_SUMMARY` and pull-request comments: the verdict,
 * a table of services, each error with its services, import chain (as a
 * Mermaid graph, which GitHub draws) and fix, then the warnings folded away.
 */
export function formatMarkdown(result: CheckResult): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const others = result.findings.filter((f) => f.severity !== 'error');
  const out = ['## dockguard', '', verdict(result, errors.length, others.length), ''];
  if (result.services.length > 0) out.push(...servicesTable(result.services, result.findings), '');
  if (errors.length > 0) out.push('### Errors', '', ...limited(groupFindings(errors), MAX_ERRORS_SHOWN, formatError));
  if (others.length > 0) {
    const groups = groupFindings(others);
    out.push('### Warnings', '', '<details>', `<summary>${groups.length} warning${groups.length === 1 ? '' : 's'}</summary>`, '');
    out.push(...limited(groups, MAX_WARNINGS_SHOWN, (group) => [formatWarning(group)]), '</details>', '');
  }
  if (result.notes.length > 0) out.push(...result.notes.map((note) => `> ${escapeMarkdown(note)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function verdict(result: CheckResult, errors: number, warnings: number): string {
  const checked = result.services.filter((s) => s.status === 'checked').length;
  const counts = `${checked} service${checked === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const extra = [result.stats.unaffected > 0 ? `${result.stats.unaffected} unaffected` : '', result.baselined.length > 0 ? `${result.baselined.length} baselined` : ''].filter(Boolean);
  const tail = extra.length > 0 ? ` (${extra.join(', ')})` : '';
  return errors > 0 ? `:x: **Images would break**: ${counts}${tail}.` : `:white_check_mark: **No errors**: ${counts}${tail}.`;
}

function servicesTable(services: readonly ServiceReport[], findings: readonly Finding[]): string[] {
  const rows = services.map((s) => {
    const own = findings.filter((f) => f.service === s.dockerfile && (f.variant ?? '') === (s.variant ?? ''));
    const errors = own.filter((f) => f.severity === 'error').length;
    const warnings = own.length - errors;
    const label = s.variant ?? s.name;
    const name = `${codeSpan(s.dockerfile)}${label !== undefined ? ` (${escapeMarkdown(label)})` : ''}`;
    const status = statusOf(s, errors, warnings);
    const counts = s.status === 'checked' ? [String(errors), String(warnings)] : ['–', '–'];
    return `| ${tableCell(name)} | ${tableCell(status)} | ${counts.join(' | ')} |`;
  });
  return ['| service | status | errors | warnings |', '| --- | --- | ---: | ---: |', ...rows];
}

function statusOf(s: ServiceReport, errors: number, warnings: number): string {
  if (s.status === 'failed') return `:warning: not checked: ${escapeMarkdown(s.reason ?? 'could not be analysed')}`;
  if (s.status === 'skipped') return `skipped: ${escapeMarkdown(s.reason ?? '')}`;
  if (errors > 0) return ':x: failing';
  return warnings > 0 ? ':white_check_mark: passing, with warnings' : ':white_check_mark: passing';
}

function formatError({ finding, services, fixes }: FindingGroup): string[] {
  const out = [`#### ${finding.code} ${finding.rule}: ${codeSpan(where(finding))}`, '', escapeMarkdown(finding.message), ''];
  out.push(services.length === 1 ? `In ${codeSpan(services[0]!)}.` : `In ${services.length} services: ${services.map(codeSpan).join(', ')}.`, '');
  if (finding.chain && finding.chain.length > 1) {
    out.push(`Import chain${services.length > 1 ? ` (${codeSpan(services[0]!)})` : ''}:`, '', mermaidChain(finding.service, finding.chain), '');
  }
  for (const { service, fix } of fixes) {
    out.push(`**Fix**${fixes.length > 1 ? ` (${codeSpan(service)})` : ''}: ${escapeMarkdown(fix.description)}`, '', fencedBlock(fix.text, languageOf(fix.file)), '');
  }
  return out;
}

function formatWarning({ finding, services }: FindingGroup): string {
  const assumed = finding.assumption !== undefined ? ` _Assumed: ${escapeMarkdown(finding.assumption)}._` : '';
  const scope = services.length === 1 ? (services[0] === finding.file ? '' : ` (${codeSpan(services[0]!)})`) : ` (${services.length} services: ${services.map(codeSpan).join(', ')})`;
  return `- **${finding.code} ${finding.rule}** ${codeSpan(where(finding))}: ${escapeMarkdown(finding.message)}${assumed}${scope}`;
}

function limited(groups: readonly FindingGroup[], max: number, format: (group: FindingGroup) => string[]): string[] {
  const out = groups.slice(0, max).flatMap(format);
  if (groups.length > max) out.push(`… and ${groups.length - max} more (the text or SARIF report lists every one).`, '');
  else if (out.at(-1) !== '') out.push('');
  return out;
}

const where = (f: Finding): string => (f.line > 0 ? `${f.file}:${f.line}` : f.file);

const languageOf = (file: string): string => (/(^|\/)(Dockerfile|Containerfile)[^/]*$|\.[Dd]ockerfile$/.test(file) ? 'dockerfile' : file.endsWith('.toml') ? 'toml' : 'text');
