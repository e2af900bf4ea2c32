export { parseShell } from './parse-shell.js';
export { splitArgs } from './split-args.js';
export type { ParseShellOptions, ShellCommand, ShellSeparator } from './shell-command.js';
