import { RULES } from './index.js';
import { describeRule } from './rule-docs.js';

/** The README's rule table, generated from the rule registry (a test keeps the README in sync). */
export function rulesMarkdownTable(): string {
  const rows = RULES.map((r) => `| ${r.code} | \`${r.name}\` | ${r.severity} | ${r.summary} | ${r.why} |`);
  return ['| code | rule | severity | catches | why it matters |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The README's rule reference: one short section per rule, the target of
 * each rule's documentation link (SARIF `helpUri`). How to silence a rule is
 * said once above it; `dockguard rules CODE` repeats it per rule.
 */
export function rulesMarkdownReference(): string {
  return RULES.map((rule) => {
    const severity = describeRule(rule).find((d) => d.label === 'severity')!.text;
    return `#### ${rule.code} ${rule.name}\n\n**${severity}.** Catches: ${rule.summary}. Why: ${rule.why}. Fix: ${rule.fix}.`;
  }).join('\n\n');
}
