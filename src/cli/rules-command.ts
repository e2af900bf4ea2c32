import { findRule, RULES } from '../rules/index.js';
import { describeRule, isOnByDefault, ruleDocsUrl } from '../rules/rule-docs.js';

type Io = Pick<NodeJS.Process, 'stdout' | 'stderr'>;

/** `dockguard rules [CODE]`: the rule table, or one rule's documentation (by code or name, any case). */
export function runRulesCommand(wanted: string | undefined, io: Io): number {
  if (wanted === undefined) {
    io.stdout.write(formatRuleTable());
    return 0;
  }
  const rule = findRule(wanted.trim().toLowerCase()) ?? findRule(wanted.trim().toUpperCase());
  if (!rule) {
    io.stderr.write(`dockguard: unknown rule "${wanted}" (dockguard rules lists them)\n`);
    return 2;
  }
  const docs = describeRule(rule);
  const width = Math.max(...docs.map((d) => d.label.length)) + 1;
  const lines = [`${rule.code} ${rule.name}`, '', ...docs.map(({ label, text }) => `${`${label}:`.padEnd(width)} ${text}`), `${'docs:'.padEnd(width)} ${ruleDocsUrl(rule)}`];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function formatRuleTable(): string {
  const width = Math.max(...RULES.map((r) => r.name.length));
  const rows = RULES.map((r) => `${r.code}  ${r.name.padEnd(width)}  ${(isOnByDefault(r) ? r.severity : 'off').padEnd(7)}  ${r.summary}`);
  // `off`: reported only when a config or --select turns the rule on.
  return `${rows.join('\n')}\n\ndockguard rules CODE shows one rule's documentation.\n`;
}
