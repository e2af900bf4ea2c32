import { RULES } from './index.js';
import { describeRule } from './rule-docs.js';

/** The README's rule table, generated from the rule registry (a test keeps the README in sync). */
export function rulesMarkdownTable(): string {
  const rows = RULES.map((r) => `| ${r.code} | \`${r.name}\` | ${r.severity} | ${r.summary} | ${r.why} |`);
  return ['| code | rule | severity | catches | why it matters |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The README's rule reference: one section per rule, the target of each
 * rule's documentation link (SARIF `helpUri`), from the same data as
 * `dockguard rules CODE`.
 */
export function rulesMarkdownReference(): string {
  return RULES.map((rule) => {
    const lines = describeRule(rule).map(({ label, text }) => `- **${label}**: ${text}`);
    return [`#### ${rule.code} ${rule.name}`, '', ...lines].join('\n');
  }).join('\n\n');
}

