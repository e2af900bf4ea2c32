import { RULES } from './index.js';

/** The README's rule table, generated from the rule registry (a test keeps the README in sync). */
export function rulesMarkdownTable(): string {
  const rows = RULES.map((r) => `| ${r.code} | \`${r.name}\` | ${r.severity} | ${r.summary} | ${r.why} |`);
  return ['| code | rule | severity | catches | why it matters |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
