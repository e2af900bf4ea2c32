import type { ChainLink } from '../types.js';

/**
 * Escaping for text that dockguard did not write (paths, module names,
 * messages quoting files) placed into markdown: a path like
 * `billing/__init__.py` must not turn bold, and a `|` must not end a table cell.
 */
export const escapeMarkdown = (s: string): string =>
  s
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);

/** An inline code span that holds any text: its fence is longer than any run of backticks inside (CommonMark 6.1). */
export function codeSpan(s: string): string {
  const text = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: GitHub ends a cell at any unescaped `|`, even inside a code span. */
export const tableCell = (s: string): string => s.replace(/\|/g, '\\|');

/** A fenced block whose fence is longer than any run of backticks in the text. */
export function fencedBlock(text: string, language: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * A quoted Mermaid label. Mermaid reads `#…;` as an entity code and `"` ends
 * the label; HTML and markdown inside labels would be rendered, and a
 * backtick run could close the markdown fence: all become numeric entity
 * codes, which Mermaid shows as the characters themselves.
 */
export const mermaidLabel = (s: string): string =>
  `"${s.replace(/\r?\n/g, ' ').replace(/[#"<>&`|\\]/g, (ch) => `#${ch.charCodeAt(0)};`)}"`;

/**
 * The import chain as a left-to-right Mermaid flowchart that GitHub renders:
 * the service's Dockerfile, then each module in the order it is imported,
 * each arrow labelled with the import's site; the last module (the one
 * the finding is about) is marked.
 */
export function mermaidChain(service: string, chain: readonly ChainLink[]): string {
  const lines = ['flowchart LR', `  n0[${mermaidLabel(service)}]`];
  chain.forEach((link, i) => {
    // The first site is usually the service's Dockerfile (its CMD), already the node on the left: its line says enough.
    const site = link.line <= 0 ? link.file : link.file === service ? `line ${link.line}` : `${link.file}:${link.line}`;
    lines.push(`  n${i} -->|${mermaidLabel(site)}| n${i + 1}[${mermaidLabel(link.module)}]`);
  });
  lines.push(`  class n${chain.length} finding`, '  classDef finding stroke:#d1242f,stroke-width:2px');
  return fencedBlock(lines.join('\n'), 'mermaid');
}
