import type { Problem, RepoSnapshot, UnseenInput } from '../types.js';
import { producedPaths } from './record-produced-paths.js';
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

/** Commands that may create what a later build copies (see producedPaths). */
export const MAKES_FILES = /\b(?:cp|mv|rsync|ln|mkdir|curl|wget|git|gsutil|gcloud)\b/;
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
  produced: UnseenInput[] = [],
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
    if (!body.includes('build') && !body.includes('=') && !MAKES_FILES.test(body)) continue;
    for (const words of shellWords(body)) {
      if (recordShellVariable(words, shellVars, lookup)) continue;
      const expanded = words.map((w) => expandWord(w, lookup));
      const command = parseBuildCommand(expanded);
      if (!command) {
        produced.push(...producedPaths(expanded, site.bases[0] ?? site.here, snapshot, `${site.file}:${line}`));
        continue;
      }
      const resolution = resolveBuildCommand(command, { ...site, line }, snapshot);
      if (resolution && 'invocation' in resolution) result.invocations.push(withProduced(resolution.invocation, produced));
      if (resolution && 'problem' in resolution) result.problems.push(resolution.problem);
    }
  }
  return result;
}

/** What earlier lines of the script made is in the context this build sends. */
export function withProduced(invocation: BuildInvocation, produced: readonly UnseenInput[]): BuildInvocation {
  const inside = produced.filter((p) => invocation.context === '' || p.path === invocation.context || p.path.startsWith(`${invocation.context}/`));
  return inside.length > 0 ? { ...invocation, unseenInputs: [...inside] } : invocation;
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
