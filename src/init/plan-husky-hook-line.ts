import { existsSync, readFileSync } from 'node:fs';
import type { InitAction } from './init-plan.js';

export interface HuskyHookLine {
  /** The hook file, e.g. `.husky/pre-commit`. */
  file: string;
  /** The command line dockguard needs in it. */
  line: string;
  /** Whether the file's text already runs it (then nothing is changed). */
  present: (text: string) => boolean;
  /** Why the file is written when it does not exist. */
  whyCreate: string;
  /** What the line runs, for the plan: `add <it> after the existing commands`. */
  runs: string;
}

/**
 * A husky hook file that must run one command: created when missing; when it
 * holds a user's own commands, the line is added after them, once.
 */
export function planHuskyHookLine({ file, line, present, whyCreate, runs }: HuskyHookLine): InitAction[] {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === undefined) return [{ kind: 'write-file', path: file, content: `${line}\n`, mode: 0o755, creates: true, why: whyCreate }];
  if (present(current)) return [];
  const content = `${current}${current.endsWith('\n') || current === '' ? '' : '\n'}${line}\n`;
  return [{ kind: 'write-file', path: file, content, mode: 0o755, creates: false, why: `add ${runs} after the existing commands` }];
}
