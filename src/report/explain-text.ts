import { createColors } from 'picocolors';
import type { ChainLink } from '../types.js';
import type { Explanation, FileOrigin, ImageTreeNode, ModuleChain, ModuleExplanation } from '../explain/explanation.js';
import { describeChainStep } from './chain-step.js';

type Colors = ReturnType<typeof createColors>;

/**
 * `dockguard explain` as text: the service and its verdict (or why the
 * check left it out), the image's folded file tree with where each part came
 * from, the sys.path in order with why, the entrypoints, the installs and
 * the import → distribution matches, then the module asked about.
 */
export function formatExplanationText(explanation: Explanation, options: { color: boolean; verbose?: boolean }): string {
 const c = createColors(options.color);
  const verbose = options.verbose ?? false;
  const out = [...formatHeader(explanation, c), '', ...formatImage(explanation, c, verbose), '', ...formatSysPath(explanation, c), '', ...formatLaunch(explanation, c)];
  if (explanation.installs.length > 0 || explanation.imports.length > 0) out.push('', ...formatInstalls(explanation, c, verbose));
  if (explanation.module) out.push('', ...formatModule(explanation.module, c));
  return `${out.join('\n')}\n`;
}

function formatHeader(e: Explanation, c: Colors): string[] {
  const s = e.service;
  const name = s.variant ?? s.name;
  const facts = [
    s.context === null ? 'context unknown' : `context ${s.context}${s.contextOrigin ? ` (${s.contextOrigin})` : ''}`,
    ...(s.target ? [`stage ${s.target}`] : []),
    `base ${s.baseImage ?? 'unknown'}${s.baseUnknown ? ` (${s.baseUnknown})` : ''}`,
    ...(s.python ? [`python ${s.python}`] : []),
  ];
  const lines = [c.bold(name ? `${s.dockerfile} (${name})` : s.dockerfile), `  ${c.dim(facts.join(' · '))}`];
  const errors = e.findings.filter((f) => f.severity === 'error').length;
  const warnings = e.findings.filter((f) => f.severity === 'warning').length;
  if (e.status === 'unaffected') lines.push(`  ${c.green('unaffected')}: ${e.reason ?? ''}`);
  else if (e.status !== 'checked') lines.push(`  ${c.yellow(e.status)}: ${e.reason ?? ''}`);
  else lines.push(`  ${errors > 0 ? c.red('checked') : c.green('checked')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  for (const f of e.findings) {
    lines.push(`    ${f.severity === 'error' ? c.red(f.severity) : c.yellow(f.severity)} ${c.dim(f.code)} ${f.line > 0 ? `${f.file}:${f.line}` : f.file}  ${f.message}`);
    if (f.assumption !== undefined) lines.push(`      ${c.dim('assumed:')} ${f.assumption}`);
  }
  for (const reason of e.clean ?? []) lines.push(`    ${c.dim('clean:')} ${reason}`);
  return lines;
}

function formatImage(e: Explanation, c: Colors, verbose: boolean): string[] {
  const base = e.image.baseImage ? `; what the base image ${e.image.baseImage} holds is not listed` : '';
  const lines = [c.bold(`image files (${plural(e.image.files, 'file')} the Dockerfile puts there${base})`)];
  const walk = (node: ImageTreeNode, indent: string): void => {
    const [only] = node.origins;
    const head = node.isFile ? `${indent}${node.path}` : `${indent}${node.path}  ${c.dim(plural(node.files, 'file'))}`;
    const folded = node.folded > 0 ? c.dim(` (+${plural(node.folded, 'folder')})`) : '';
    const from = node.repoDirs.length > 0 ? c.dim(` ← ${node.repoDirs.join(', ')}`) : '';
    if (node.origins.length === 1 && only) lines.push(`${head}  ${describeOrigin(only)}${from}${folded}`);
    else {
      lines.push(`${head}${folded}`);
      const listed = node.children.length === 0 ? node.origins : (node.here ?? []);
      const label = node.children.length === 0 ? '' : 'here: ';
      for (const origin of listed) lines.push(`${indent}  ${c.dim('·')} ${label}${describeOrigin(origin)}${origin.files > 0 ? c.dim(` (${plural(origin.files, 'file')})`) : ''}`);
    }
    walkAll(node.children, `${indent}  `);
  };
  // Sibling folders filled by one instruction (`COPY . .` gives dozens) are counted after the first few.
  const walkAll = (nodes: readonly ImageTreeNode[], indent: string): void => {
    const groups = new Map<string, ImageTreeNode[]>();
    for (const node of nodes) if (isPlainFolder(node)) groups.set(describeOrigin(node.origins[0]!), [...(groups.get(describeOrigin(node.origins[0]!)) ?? []), node]);
    const summarised = new Map<ImageTreeNode, ImageTreeNode[]>();
    for (const group of groups.values()) if (!verbose && group.length > SIBLING_LIMIT + 1) summarised.set(group[SIBLING_LIMIT]!, group.slice(SIBLING_LIMIT));
    const hidden = new Set([...summarised.values()].flat());
    for (const node of nodes) {
      const rest = summarised.get(node);
      if (rest) {
        const files = rest.reduce((sum, n) => sum + n.files, 0);
        lines.push(`${indent}${c.dim(`… ${rest.length} more folders (${plural(files, 'file')}) from the same ${describeOrigin(rest[0]!.origins[0]!)} (--verbose lists them)`)}`);
      } else if (!hidden.has(node)) walk(node, indent);
    }
  };
  walkAll(e.image.tree, '  ');
  if (e.image.tree.length === 0) lines.push('  (no files known)');
  return lines;
}

/** Sibling folders of one origin shown in full before the rest are counted. */
const SIBLING_LIMIT = 5;

/** A folded folder whose files all come from one place: one line says all of it. */
const isPlainFolder = (node: ImageTreeNode): boolean => !node.isFile && node.children.length === 0 && node.origins.length === 1;

function describeOrigin(origin: FileOrigin): string {
  switch (origin.kind) {
    case 'copy':
      return `${origin.text} (line ${origin.line}, stage ${origin.stage})`;
    case 'heredoc':
      return `heredoc (line ${origin.line})`;
    case 'mount':
      return 'bind-mounted when the container runs';
    case 'unknown':
      return `unknown content: ${origin.reason} (line ${origin.line})`;
    case 'base-build':
      return `an earlier build (its line ${origin.line})`;
  }
}

function formatSysPath(e: Explanation, c: Colors): string[] {
  const lines = [c.bold('sys.path (in order)')];
  const width = Math.max(0, ...e.sysPath.map((entry) => entry.path.length));
  e.sysPath.forEach((entry, i) => {
    const where = entry.file !== undefined ? c.dim(` (${entry.file}${entry.line ? `:${entry.line}` : ''})`) : '';
    lines.push(`  ${i + 1}. ${entry.path.padEnd(width)}  ${entry.why}${where}`);
  });
  if (e.sysPath.length === 0) lines.push('  (imports were not followed)');
  lines.push(`  ${c.dim(`then the standard library and site-packages${e.service.python ? ` of Python ${e.service.python.split(' ')[0]}` : ''}`)}`);
  return lines;
}

function formatLaunch(e: Explanation, c: Colors): string[] {
  // A compose `command:` may span lines: one line here.
  const command = e.launch.command.replace(/\s*\n\s*/g, ' ').trim();
  // A Dockerfile's command names its line; a compose `command:` or config entrypoint does not.
  const where = / line \d+\)$/.test(command) || e.launch.line === 0 ? '' : c.dim(` (${e.launch.file}:${e.launch.line})`);
  const lines = [c.bold('entrypoints'), `  ${command || '(no command)'}${where}${e.launch.derived ? '' : c.yellow(e.status === 'skipped' || e.status === 'failed' ? ' (not followed)' : ' (not followed: every Python file of the service is taken as a root)')}`];
  for (const root of e.launch.roots) lines.push(`    ${root.root}  ${c.dim(root.why)}`);
  return lines;
}

/** Lists longer than this are cut to their start without --verbose (a real requirements file names hundreds). */
const LIST_LIMIT = 10;

function formatInstalls(e: Explanation, c: Colors, verbose: boolean): string[] {
  const lines = [c.bold('installs')];
  for (const install of e.installs) {
    // What the base image brings has no install line: it is named by where it is known from.
    const fromBase = install.line === 0;
    const what = [...install.files, ...install.inline].join(', ') || '(nothing readable)';
    lines.push(fromBase ? `  ${[...new Set(install.distributions.map((d) => d.file))].join(', ')}` : `  line ${install.line}  ${install.tool}: ${what}`);
    const shown = verbose ? install.distributions : install.distributions.slice(0, LIST_LIMIT);
    for (const d of shown) lines.push(fromBase ? `    ${d.name}` : `    ${d.name}  ${c.dim(`${d.file}:${d.line}`)}`);
    if (shown.length < install.distributions.length) lines.push(c.dim(`    … ${install.distributions.length - shown.length} more (--verbose lists them)`));
  }
  if (e.installs.length === 0) lines.push('  (none)');
  if (e.imports.length > 0) {
    lines.push(c.bold('third-party imports → distributions'));
    // What is not installed always shows; a long list of matches is cut.
    const missing = e.imports.filter((i) => !i.installed);
    const installed = e.imports.filter((i) => i.installed);
    const shown = verbose ? e.imports : [...missing, ...installed.slice(0, Math.max(0, LIST_LIMIT - missing.length))];
    for (const i of e.imports.filter((x) => shown.includes(x))) lines.push(`  ${i.module} → ${i.distribution}  ${c.dim(`(${i.source})`)} ${i.installed ? c.green('installed') : c.yellow('not installed')}`);
    if (shown.length < e.imports.length) lines.push(c.dim(`  … ${e.imports.length - shown.length} more matched to an installed distribution (--verbose lists them)`));
  }
  return lines;
}

const HEADLINE: Record<ModuleExplanation['kind'], string> = {
  image: 'in the image',
  missing: 'not in the image',
  'third-party': 'third-party',
  stdlib: 'standard library',
};

function formatModule(m: ModuleExplanation, c: Colors): string[] {
  const lines = [c.bold(`module ${m.module}: ${HEADLINE[m.kind]}${m.file ? ` at ${m.file}` : ''}`)];
  if (m.origin) lines.push(`  from ${m.repoPath ?? '?'}: ${describeOrigin(m.origin)}`);
  lines.push(`  looked for along sys.path:`);
  const width = Math.max(0, ...m.lookups.map((l) => l.entry.length));
  for (const step of m.lookups) lines.push(`    ${step.entry.padEnd(width)}  ${step.result.padEnd(7)}  ${step.detail}${step.repoDirs ? c.dim(` (mirrors repository folder ${step.repoDirs.join(', ')})`) : ''}`);
  if (m.why) lines.push(`  ${m.why}`);
  if (m.nearestCopy) lines.push(`  nearest COPY: line ${m.nearestCopy.line}  ${m.nearestCopy.text}`);
  if (m.fix) lines.push(`  ${c.green('fix:')} ${m.fix.description}`, ...m.fix.text.split('\n').map((l) => `    ${c.green(l)}`));
  if (m.distribution) {
    const d = m.distribution;
    const installed = d.installed ? `installed as ${d.installed}${d.from ? ` (${d.from.file}:${d.from.line})` : ''}` : 'not installed by this image';
    // `identity`: no table maps the import; the distribution is taken to be named like it.
    lines.push(`  distribution: ${d.names.join(' or ') || 'unknown'} (${d.source === 'identity' ? 'a guess from the import name' : d.source}); ${installed}`);
  }
  if (m.reachedBy.length === 0) lines.push(`  ${c.yellow('not reached')}: nothing the container runs imports it`);
  for (const chain of m.reachedBy) lines.push(...formatChain(chain, c));
  return lines;
}

function formatChain(chain: ModuleChain, c: Colors): string[] {
  const notes = [chain.guard ? `guarded by ${chain.guard}` : '', chain.assumption ? `assumed: ${chain.assumption}` : ''].filter(Boolean);
  return [`  reached by${notes.length > 0 ? ` (${notes.join('; ')})` : ''}:`, ...formatLinks(chain.chain).map((l) => `    ${c.dim(l)}`)];
}

function formatLinks(chain: readonly ChainLink[]): string[] {
  const sites = chain.map((link) => (link.line > 0 ? `${link.file}:${link.line}` : link.file));
  const width = Math.max(...sites.map((s) => s.length));
  return chain.map((link, i) => `${sites[i]!.padEnd(width)}  ${describeChainStep(link, i)}`);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
