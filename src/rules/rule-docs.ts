import { DEFAULT_RULE_SETTINGS } from '../config/schema.js';
import type { Rule } from './rule.js';

/**
 * Where the README is published: every rule's documentation link (SARIF
 * `helpUri`, `dockguard rules CODE`) points at its section there. One place,
 * so a move of the repository is a one-line change.
 */
export const README_URL = 'https://github.com/dockguard/dockguard/blob/main/README.md';

/** The anchor GitHub gives the rule's README heading `#### DG001 missing-copy`. */
export const ruleAnchor = (rule: Pick<Rule, 'code' | 'name'>): string => `${rule.code.toLowerCase()}-${rule.name}`;

export const ruleDocsUrl = (rule: Pick<Rule, 'code' | 'name'>): string => `${README_URL}#${ruleAnchor(rule)}`;

/** Whether the rule reports anything without a config or `--select` turning it on. */
export const isOnByDefault = (rule: Pick<Rule, 'name'>): boolean => DEFAULT_RULE_SETTINGS[rule.name] !== 'off';

/**
 * One rule's documentation as labelled lines: what it catches, why it
 * matters, what to do, and how to silence or turn it off. Code is in
 * backticks, which read well both as text and as markdown: `dockguard rules
 * CODE`, the README's rule reference and SARIF's rule help say the same.
 */
export function describeRule(rule: Rule): Array<{ label: string; text: string }> {
  const onOff = isOnByDefault(rule) ? '' : `; off by default: turn it on with \`"rules": { "${rule.name}": "${rule.severity}" }\` in the config, or \`--select ${rule.name}\``;
  return [
    { label: 'severity', text: `${rule.severity === 'error' ? 'error when proven, a warning when it rests on an assumption' : rule.severity}${onOff}` },
    { label: 'catches', text: rule.summary },
    { label: 'why', text: rule.why },
    { label: 'fix', text: rule.fix },
    {
      label: 'silence',
      text: `\`# dockguard: ignore[${rule.name}] -- <reason>\` on the line (or the line above a Dockerfile instruction); \`"rules": { "${rule.name}": "off" }\` in the config, or \`--ignore ${rule.name}\``,
    },
  ];
}
