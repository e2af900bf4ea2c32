import { RULES } from '../rules/index.js';

/** The rule table shown by `dockguard check --help`, from the same data as the README. */
export function rulesHelp(): string {
  const rows = RULES.map((r) => `  ${r.code}  ${r.name.padEnd(26)} ${r.severity.padEnd(8)} ${r.summary}`);
  return `\nRules (dockguard rules CODE explains one):\n${rows.join('\n')}\n\nExit codes: 0 no errors, 1 errors found, 2 dockguard could not run.\n`;
}
