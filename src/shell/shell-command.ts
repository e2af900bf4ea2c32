/** Shapes produced by the shell parser; shared by RUN analysis and launch derivation. */

export type ShellSeparator = '&&' | '||' | ';' | '|' | '&';

/** One simple command of a shell string, after quote removal. */
export interface ShellCommand {
  /** Program and arguments; redirections are dropped, `$(...)`/subshells stay as opaque words. */
  words: string[];
  /** Leading `NAME=value` words. A command of assignments only sets shell variables. */
  assignments: Record<string, string>;
  /** What joined this command to the previous one; a newline counts as `;`. */
  separatorBefore?: ShellSeparator;
  /** 1-based line of the text where the command starts. */
  line: number;
  /** Files its output redirections write (`> settings.py`, `2>> log`), as written after expansion. */
  outputs?: string[];
  /** The file its standard input is redirected from (`< pkgs.txt`), as written after expansion. */
  input?: string;
}

export interface ParseShellOptions {
  /**
   * Variables to expand `$V`, `${V}`, `${V:-x}` with. Without it every
   * expansion stays literal. A variable missing from it also stays literal
   * (unless a default is given), so callers can see what was not resolved;
   * positional and special parameters (`$@`, `$1`, `$?`) always stay literal.
   */
  env?: Record<string, string>;
}
