import { createColors } from 'picocolors';
import type { CheckResult, ServiceReport } from '../result.js';
import type { ChainLink, Finding } from '../types.js';

export interface TextOptions {
  color: boolean;
  /** Add what a blocked commit needs to know: how to fix, re-run, silence one finding, or bypass. */
  hookHints?: boolean;
}

/** Findings grouped by service, each with its location, message, import chain and fix. */
export function formatText(result: CheckResult, options: TextOptions): string {
  const c = createColors(options.color);
  const out: string[] = result.notes.map((note) => c.dim(`note: ${note}`));
  const byService = groupByService(result.findings);
  for (const service of result.services) {
    const findings = byService.get(serviceKey(service.dockerfile, service.variant)) ?? [];
    if (findings.length === 0 && service.status === 'checked' && !service.details) continue;
    out.push(c.bold(c.underline(serviceTitle(service))), `  ${c.dim(contextLine(service))}`);
    if (service.details) out.push(...formatDetails(service.details, c));
    if (service.status !== 'checked') out.push(`  ${c.yellow(service.status)}: ${service.reason ?? ''}`);
    for (const finding of findings) out.push(...formatFinding(finding, c));
    out.push('');
  }
  for (const [key, findings] of byService) {
    if (result.services.some((s) => serviceKey(s.dockerfile, s.variant) === key)) continue;
    out.push(c.bold(c.underline(key)));
    for (const finding of findings) out.push(...formatFinding(finding, c));
    out.push('');
  }
  out.push(summaryLine(result, c));
  if (options.hookHints && result.findings.some((f) => f.severity === 'error')) out.push('', ...blockedCommitHints(c));
  return `${out.join('\n')}\n`;
}

type Colors = ReturnType<typeof createColors>;

function blockedCommitHints(c: Colors): string[] {
  return [
    c.bold('This commit was blocked because an image would lack code or packages it needs.'),
    `  fix it:        add the lines shown under ${c.green('fix:')}, stage them, and commit again`,
    `  re-run:        ${c.cyan('npx dockguard check')}`,
    `  accept one:    put ${c.cyan('# dockguard: ignore[<rule>] -- <reason>')} on the import line (or on the line above the Dockerfile instruction)`,
    `  skip the hook: ${c.cyan('git commit --no-verify')}`,
  ];
}

function formatDetails(details: NonNullable<ServiceReport['details']>, c: Colors): string[] {
  const lines = [`  ${c.dim('python')} ${details.python}`];
  for (const install of details.installs) lines.push(`  ${c.dim('installs')} ${install}`);
  for (const i of details.imports) {
    lines.push(`  ${c.dim('import')} ${i.module} → ${i.distribution} ${c.dim(`(${i.source})`)} ${i.installed ? c.green('installed') : c.red('not installed')}`);
  }
  return lines;
}

function formatFinding(finding: Finding, c: Colors): string[] {
  const label = finding.severity === 'error' ? c.red('error') : finding.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const where = finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
  const lines = [`  ${label} ${c.dim(`${finding.code} ${finding.rule}`)}  ${c.cyan(where)}`, `    ${finding.message}`];
  if (finding.assumption !== undefined) lines.push(`    ${c.dim('assumed:')} ${finding.assumption}`);
  if (finding.chain && finding.chain.length > 1) {
    lines.push(`    ${c.dim('import chain:')}`);
    lines.push(...formatChain(finding.chain).map((l) => `      ${l}`));
  }
  if (finding.fix) {
    lines.push(`    ${c.green('fix:')} ${finding.fix.description}`);
    lines.push(...finding.fix.text.split('\n').map((l) => `      ${c.green(l)}`));
  }
  return lines;
}

function formatChain(chain: ChainLink[]): string[] {
  const sites = chain.map((link) => (link.line > 0 ? `${link.file}:${link.line}` : link.file));
  const width = Math.max(...sites.map((s) => s.length));
  return chain.map((link, i) => `${sites[i]!.padEnd(width)}  ${i === 0 ? 'starts' : 'imports'} ${link.module}`);
}

function serviceTitle(service: ServiceReport): string {
  const name = service.variant ?? service.name;
  return name ? `${service.dockerfile} (${name})` : service.dockerfile;
}

function contextLine(service: ServiceReport): string {
  const origin = service.contextOrigin ?? service.contextSource;
  const source = origin.startsWith(service.contextSource) ? origin : `${service.contextSource}: ${origin}`;
  const context = service.context === null ? 'unknown' : service.context;
  return `context ${context} (${source})${service.launch ? ` · runs ${service.launch}` : ''}`;
}

function summaryLine(result: CheckResult, c: Colors): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const count = (status: string) => result.services.filter((s) => s.status === status).length;
  const parts = [`${count('checked')} service${count('checked') === 1 ? '' : 's'} checked`];
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('failed')) parts.push(`${count('failed')} could not be analysed`);
  if (result.stats.unaffected) parts.push(`${result.stats.unaffected} unaffected`);
  parts.push(`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`, `${(result.stats.durationMs / 1000).toFixed(2)}s`);
  const mark = errors > 0 ? c.red('✖') : c.green('✔');
  return `${mark} dockguard: ${parts.join(' · ')}`;
}

const serviceKey = (dockerfile: string, variant: string | undefined) => (variant ? `${dockerfile}#${variant}` : dockerfile);

function groupByService(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = serviceKey(finding.service, finding.variant);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return groups;
}
