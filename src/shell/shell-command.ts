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
  /**
   * What must hold for it to run: the `if`/`elif` tests, `case` patterns and
   * `test && …`/`test || …` guards around it, innermost last. Absent when it
   * runs whenever the text reaches it.
   */
  conditions?: ShellCondition[];
  /** The file its standard input is redirected from (`< pkgs.txt`), as written after expansion. */
  input?: string;
}

/** One command of a condition list, as written (quotes kept, nothing expanded), and what joins it to the previous one. */
export interface ConditionPart {
  raw: string[];
  joiner?: '&&' | '||';
}

/**
 * A runtime condition a command depends on. Words stay as written so a
 * caller can decide them with what it knows (the script's arguments, the
 * image's environment) and name them when it cannot.
 */
export type ShellCondition =
  /** `if LIST; then` (holds) or its `elif`/`else` (does not), `LIST && cmd`, `LIST || cmd`. */
  | { kind: 'test'; list: ConditionPart[]; holds: boolean }
  /** `case SUBJECT in PATTERN|PATTERN)`: the subject matches one of the patterns (or, for later arms, none of them). */
  | { kind: 'case'; subject: string; patterns: string[]; matches: boolean };

export interface ParseShellOptions {
  /**
   * Variables to expand `$V`, `${V}`, `${V:-x}` with. Without it every
   * expansion stays literal. A variable missing from it also stays literal
   * (unless a default is given), so callers can see what was not resolved;
   * positional and special parameters (`$@`, `$1`, `$?`) always stay literal.
   */
  env?: Record<string, string>;
}
