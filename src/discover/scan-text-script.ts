import type { Problem, RepoSnapshot } from '../types.js';
import type { BuildInvocation } from './build-invocation.js';
import { expandWord } from './expand-word.js';
import { substituteMakeVariables } from './substitute-make-variables.js';
import { parseBuildCommand } from './parse-build-command.js';
import { resolveBuildCommand, type CommandSite } from './resolve-build-command.js';
import { shellWords } from './shell-words.js';

export type TextDialect = 'shell' | 'make' | 'just';

export interface ScanResult {
  invocations: BuildInvocation[];
  problems: Problem[];
}

const SHELL_ASSIGNMENT = /^([A-Za-z_]\w*)=(.*)$/s;
const MAKE_ASSIGNMENT = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?::{1,3}=|\?=|=)\s*(.*)$/;
const JUST_ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*)$/;

/**
 * Finds docker/podman/gcloud builds in a shell script, Makefile or Justfile,
 * line by line after joining `\` continuations. Simple variable assignments
 * earlier in the file are followed; nothing is executed.
 */
export function scanTextScript(
  text: string,
  dialect: TextDialect,
  site: Omit<CommandSite, 'line'>,
  snapshot: RepoSnapshot,
  firstLine = 1,
): ScanResult {
  const result: ScanResult = { invocations: [], problems: [] };
  const fileVars = new Map<string, string>();
  const shellVars = new Map<string, string>();
  const lookup = (name: string): string | undefined => shellVars.get(name);
  for (const { text: raw, line: index } of joinContinuations(text)) {
    const line = firstLine + index - 1;
    let body = raw.trim();
    // Make and just assign at column 0; indented lines are recipes, which are shell.
    if (dialect !== 'shell' && !/^\s/.test(raw) && recordFileVariable(body, dialect, fileVars)) continue;
    if (dialect !== 'shell') body = substituteMakeVariables(body.replace(/^[@+-]+/, ''), dialect, fileVars);
    if (!body.includes('build') && !body.includes('=')) continue;
    for (const words of shellWords(body)) {
      if (recordShellVariable(words, shellVars, lookup)) continue;
      const command = parseBuildCommand(words.map((w) => expandWord(w, lookup)));
      if (!command) continue;
      const resolution = resolveBuildCommand(command, { ...site, line }, snapshot);
      if (resolution && 'invocation' in resolution) result.invocations.push(resolution.invocation);
      if (resolution && 'problem' in resolution) result.problems.push(resolution.problem);
    }
  }
  return result;
}

/** Logical lines with the 1-based line each starts on; a trailing `\` continues the line. */
export function joinContinuations(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((physical, index) => {
    const continues = /(^|[^\\])(\\\\)*\\$/.test(physical);
    const part = continues ? physical.slice(0, -1) : physical;
    if (pending) pending.text += ` ${part.trim()}`;
    else pending = { text: part, line: index + 1 };
    if (!continues) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  return out;
}

function recordFileVariable(body: string, dialect: 'make' | 'just', vars: Map<string, string>): boolean {
  const match = (dialect === 'make' ? MAKE_ASSIGNMENT : JUST_ASSIGNMENT).exec(body);
  if (!match) return false;
  const value = substituteMakeVariables((match[2] ?? '').trim(), dialect, vars);
  vars.set(match[1] as string, dialect === 'just' ? value.replace(/^(["'])(.*)\1$/, '$2') : value);
  return true;
}

/** `NAME=value` (optionally after export/readonly/local) alone on a command: remembered for later words. */
function recordShellVariable(
  words: string[],
  vars: Map<string, string>,
  lookup: (name: string) => string | undefined,
): boolean {
  const rest = ['export', 'readonly', 'local', 'declare'].includes(words[0] ?? '') ? words.slice(1) : words;
  if (rest.length !== 1) return false;
  const match = SHELL_ASSIGNMENT.exec(rest[0] as string);
  if (!match) return false;
  vars.set(match[1] as string, expandWord(match[2] ?? '', lookup));
  return true;
}
