/** Problem rule names raised while reading dependency files, and their wording. */
import type { Problem } from '../types.js';

/** A line or table the format does not allow: the file cannot be trusted to install what we think. */
export const MALFORMED = 'dependency-file-malformed';
/** A file that is named (by `-r`, `-c`, `file=`) but is not there or cannot be decoded. */
export const UNREADABLE = 'dependency-file-unreadable';
/** Valid, but depends on something static reading cannot see (an unset `${VAR}`, dynamic metadata). */
export const UNANALYSABLE = 'dependency-file-unanalysable';

export function malformed(file: string, line: number, message: string): Problem {
  return { rule: MALFORMED, file, line, message, severity: 'error' };
}

export function unreadable(file: string, line: number, message: string): Problem {
  return { rule: UNREADABLE, file, line, message, severity: 'error' };
}

export function unanalysable(file: string, line: number, message: string): Problem {
  return { rule: UNANALYSABLE, file, line, message, severity: 'warning' };
}

/** A RUN install whose effect static reading cannot know (unset variable, conda, removed flag). */
export const INSTALL_UNANALYSABLE = 'install-command-unanalysable';
