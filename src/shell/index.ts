export { parseShell } from './parse-shell.js';
export { splitArgs } from './split-args.js';
export type { ConditionPart, ParseShellOptions, ShellCommand, ShellCondition, ShellSeparator } from './shell-command.js';
