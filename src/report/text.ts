import { createColors } from 'picocolors';
import type { CheckResult, ServiceReport } from '../result.js';
import type { ChainLink, Finding } from '../types.js';
import { groupFindings, type FindingGroup } from './group-findings.js';
import { formatHookHints, type HookContext } from './hook-hints.js';
import { describeChainStep } from './chain-step.js';

export interface TextOptions {
  color: boolean;
  /** Set when a hook ran the check: add what a blocked commit needs to know, in that hook's words. */
  hook?: HookContext;
  /** Show every warning, the services' context and launch, and the baselined findings. */
  verbose?: boolean;
  /** Errors and the summary only. */
  quiet?: boolean;
}

type Colors = ReturnType<typeof createColors>;

/**
 * A report a blocked developer reads in ten seconds: errors first, each
 * problem once with the services it breaks, then the warnings (collapsed to
 * a count while there are errors, unless --verbose), then the summary and,
 * from a hook, what to do next.
 */
export function formatText(result: CheckResult, options: TextOptions): string {
  const c = createColors(options.color);
  const verbose = options.verbose ?? false;
  const quiet = options.quiet ?? false;
  const errors = result.findings.filter((f) => f.severity === 'error');
  const others = result.findings.filter((f) => f.severity !== 'error');
  const out: string[] = quiet ? [] : result.notes.map((note) => c.dim(`note: ${note}`));
  if (verbose) for (const service of result.services) out.push(...formatService(service, c));
  for (const group of groupFindings(errors)) out.push(...formatGroup(group, c), '');
  if (!quiet && others.length > 0) {
    if (errors.length === 0 || verbose) for (const group of groupFindings(others)) out.push(...formatGroup(group, c), '');
    else out.push(c.dim(`${others.length} warning${others.length === 1 ? '' : 's'} not shown while there are errors (--verbose shows them)`), '');
  }
  if (!quiet) out.push(...formatUnchecked(result.services, c));
  if (verbose && result.baselined.length > 0) out.push(...formatBaselined(result.baselined, c));
  if (verbose && result.stats.parser) out.push(c.dim(parserLine(result.stats.filesParsed, result.stats.parser)));
  out.push(summaryLine(result, c));
  if (options.hook && errors.length > 0) out.push('', ...formatHookHints(result, options.hook, c));
  return `${out.join('\n')}\n`;
}

function formatGroup({ finding, services, fixes }: FindingGroup, c: Colors): string[] {
  const label = finding.severity === 'error' ? c.red('error') : finding.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const where = finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
  const lines = [`${label} ${c.dim(`${finding.code} ${finding.rule}`)}  ${c.cyan(where)}`, `  ${withoutFixNote(finding.message, fixes)}`];
  if (finding.assumption !== undefined) lines.push(`  ${c.dim('assumed:')} ${finding.assumption}`);
  if (services.length === 1 && services[0] !== finding.file) lines.push(`  ${c.dim('in')} ${services[0]}`);
  if (services.length > 1) lines.push(`  ${c.dim(`in ${services.length} services:`)} ${services.join(', ')}`);
  if (finding.chain && finding.chain.length > 1) {
    lines.push(`  ${c.dim(services.length > 1 ? `import chain (${services[0]}):` : 'import chain:')}`);
    lines.push(...formatChain(finding.chain).map((l) => `    ${l}`));
  }
  for (const { service, fix } of fixes) {
    const whose = fixes.length > 1 ? ` ${c.dim(`(${service})`)}` : '';
    lines.push(`  ${c.green('fix:')}${whose} ${fix.description}`);
    lines.push(...fix.text.split('\n').map((l) => `    ${c.green(l)}`));
  }
  return lines;
}

/**
 * A message ends with its fix in words (`…; fix: add it to requirements.txt
 * after line 2`) so that it stands alone in SARIF, GitLab and Markdown; here
 * the fix follows on its own lines, so the message leaves it out.
 */
function withoutFixNote(message: string, fixes: FindingGroup['fixes']): string {
  for (const { fix } of fixes) {
    const note = `; fix: ${fix.description}`;
    if (message.endsWith(note)) return message.slice(0, -note.length);
  }
  return message;
}

function formatChain(chain: ChainLink[]): string[] {
  const sites = chain.map((link) => (link.line > 0 ? `${link.file}:${link.line}` : link.file));
  const width = Math.max(...sites.map((s) => s.length));
  return chain.map((link, i) => `${sites[i]!.padEnd(width)}  ${describeChainStep(link, i)}`);
}

/** Services dockguard could not analyse: "could not look" is never a silent pass. */
function formatUnchecked(services: readonly ServiceReport[], c: Colors): string[] {
  const failed = services.filter((s) => s.status === 'failed');
  if (failed.length === 0) return [];
  return [...failed.map((s) => `${c.yellow('not checked')} ${serviceTitle(s)}: ${s.reason ?? 'could not be analysed'}`), ''];
}

function formatService(service: ServiceReport, c: Colors): string[] {
  const lines = [c.bold(c.underline(serviceTitle(service))), `  ${c.dim(contextLine(service))}`];
  if (service.details) lines.push(...formatDetails(service.details, c));
  if (service.status !== 'checked') lines.push(`  ${c.yellow(service.status)}: ${service.reason ?? ''}`);
  return [...lines, ''];
}

function formatDetails(details: NonNullable<ServiceReport['details']>, c: Colors): string[] {
  const lines = [`  ${c.dim('python')} ${details.python}`];
  for (const install of details.installs) lines.push(`  ${c.dim('installs')} ${install}`);
  if (details.opaque.length > 0) lines.push(`  ${c.dim('unknown requirements')} ${details.opaque.join(', ')}`);
  for (const i of details.imports) {
    lines.push(`  ${c.dim('import')} ${i.module} → ${i.distribution} ${c.dim(`(${i.source})`)} ${i.installed ? c.green('installed') : c.red('not installed')}`);
  }
  return lines;
}

function formatBaselined(findings: readonly Finding[], c: Colors): string[] {
  const lines = findings.map((f) => `  ${f.code} ${f.rule}  ${f.line > 0 ? `${f.file}:${f.line}` : f.file}  ${f.module ?? f.distribution ?? ''} (${f.service})`.trimEnd());
  return [c.dim(`accepted by the baseline (${findings.length}):`), ...lines, ''];
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

/** The summary line alone, for a run whose reports went to files. */
export function formatSummary(result: CheckResult, options: Pick<TextOptions, 'color'>): string {
  return `${summaryLine(result, createColors(options.color))}\n`;
}

const PARSERS = { native: 'the native tree-sitter binding', wasm: 'the WebAssembly build of tree-sitter (web-tree-sitter)' };

function parserLine(files: number, parser: keyof typeof PARSERS): string {
  return `${files} file${files === 1 ? '' : 's'} parsed with ${PARSERS[parser]}`;
}

function summaryLine(result: CheckResult, c: Colors): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const count = (status: string) => result.services.filter((s) => s.status === status).length;
  const parts = [`${count('checked')} service${count('checked') === 1 ? '' : 's'} checked`];
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('failed')) parts.push(`${count('failed')} could not be analysed`);
  if (result.stats.unaffected) parts.push(`${result.stats.unaffected} unaffected`);
  parts.push(`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (result.baselined.length > 0) parts.push(`${result.baselined.length} baselined`);
  parts.push(`${(result.stats.durationMs / 1000).toFixed(2)}s`);
  const mark = errors > 0 ? c.red('✖') : c.green('✔');
  return `${mark} dockguard: ${parts.join(' · ')}`;
}
