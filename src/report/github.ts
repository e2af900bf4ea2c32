import type { CheckResult } from '../result.js';
import type { Severity } from '../types.js';
import { describeServices, groupFindings, type FindingGroup } from './group-findings.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`),
 * which the runner turns into annotations on the pull request's diff: one per
 * distinct problem (a shared module missing from several images is one
 * annotation listing them), services that could not be analysed, and the
 * run's notes. Nothing else is printed, so the log stays readable.
 */
export function formatGithub(result: CheckResult): string {
  const lines = groupFindings(result.findings).map(annotate);
  for (const s of result.services.filter((service) => service.status === 'failed')) {
    lines.push(command('warning', { file: s.dockerfile, title: 'dockguard: not checked' }, `${s.dockerfile}${s.variant ? ` (${s.variant})` : ''} could not be analysed: ${s.reason ?? 'unknown reason'}`));
  }
  for (const note of result.notes) lines.push(command('notice', { title: 'dockguard' }, note));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function annotate(group: FindingGroup): string {
  const { finding, fixes } = group;
  const text = [finding.message];
  if (finding.assumption !== undefined) text.push(`assumed: ${finding.assumption}`);
  const scope = describeServices(group);
  if (scope !== undefined) text.push(scope);
  for (const { service, fix } of fixes) text.push(`fix${fixes.length > 1 ? ` (${service})` : ''}: ${fix.description}`, ...fix.text.split('\n').map((l) => `  ${l}`));
  const where = { file: finding.file, ...(finding.line > 0 ? { line: String(finding.line) } : {}), title: `${finding.code} ${finding.rule}` };
  return command(COMMANDS[finding.severity], where, text.join('\n'));
}

/** `::name key=value,…::message`, escaped as the runner unescapes (actions/toolkit command.ts). */
function command(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
