import type { Problem, RepoSnapshot, UnseenInput } from '../types.js';
import { producedPaths } from './record-produced-paths.js';
import type { BuildInvocation } from './build-invocation.js';
import { substituteMakeVariables } from './substitute-make-variables.js';
import { parseBuildCommand } from './parse-build-command.js';
import { resolveBuildCommand, resolveConfigCall, type CommandSite, type ConfigCall } from './resolve-build-command.js';
import { shellWords } from './shell-words.js';
import { splitFunctions, type ScriptLine } from './shell-functions.js';
import { BranchTracker, ShellValues, splitSegments, type ArmPath } from './shell-values.js';

export type TextDialect = 'shell' | 'make' | 'just';

export interface ScanResult {
  invocations: BuildInvocation[];
  problems: Problem[];
  /** `gcloud builds submit --config` calls: their builds are read from the config, with these substitutions. */
  configCalls?: ConfigCall[];
}

/** Commands that may create what a later build copies (see producedPaths). */
export const MAKES_FILES = /\b(?:cp|mv|rsync|ln|mkdir|curl|wget|git|gsutil|gcloud)\b/;
const SHELL_ASSIGNMENT = /^([A-Za-z_]\w*)=(.*)$/s;
const MAKE_ASSIGNMENT = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?::{1,3}=|\?=|=)\s*(.*)$/;
const JUST_ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*)$/;

/** Nested function calls read at most this deep (a recursive function stops there). */
const MAX_CALL_DEPTH = 4;

/**
 * Finds docker/podman/gcloud builds in a shell script, Makefile or Justfile,
 * line by line after joining `\` continuations. Variables are followed
 * with every value they can take (case branches, if/else arms, `for` lists),
 * and a function's body is read once per call with that call's arguments;
 * each value gives its own build. Nothing is executed.
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
  const { main, functions } = splitFunctions(joinContinuations(text));
  const callsFunction = (body: string): boolean => functions.size > 0 && [...functions.keys()].some((name) => body.includes(name));

  const readLines = (lines: readonly ScriptLine[], vars: ShellValues, outer: ArmPath, callDepth: number): void => {
    const branches = new BranchTracker();
    for (const { text: raw, line: index } of lines) {
      const line = firstLine + index - 1;
      let body = raw.trim();
      // Make and just assign at column 0; indented lines are recipes, which are shell.
      if (dialect !== 'shell' && !/^\s/.test(raw) && recordFileVariable(body, dialect, fileVars)) continue;
      if (dialect !== 'shell') body = substituteMakeVariables(body.replace(/^[@+-]+/, ''), dialect, fileVars);
      for (const segment of splitSegments(body)) {
        const entered = branches.enter(segment);
        const arms = new Map([...outer, ...entered.arms]);
        if (entered.caseValues) vars.assignArm(entered.caseValues.name, entered.caseValues.values, arms);
        if (!segment.includes('build') && !segment.includes('=') && !MAKES_FILES.test(segment) && !/\bfor\b/.test(segment) && !callsFunction(segment)) continue;
        for (const words of shellWords(segment)) readCommand(words, vars, arms, line, callDepth);
      }
    }
  };

  const readCommand = (words: string[], vars: ShellValues, arms: ArmPath, line: number, callDepth: number): void => {
    if (recordShellVariable(words, vars, arms)) return;
    if (words[0] === 'for' && words[2] === 'in') {
      vars.assignAll(words[1] as string, vars.expandCommand(words.slice(3)).flat(), arms);
      return;
    }
    const called = functions.get(words[0] ?? '');
    if (called && callDepth < MAX_CALL_DEPTH) {
      for (const args of vars.expandCommand(words.slice(1))) {
        const scope = new ShellValues(vars);
        args.forEach((arg, i) => {
          scope.assignAll(String(i + 1), [arg]);
        });
        readLines(called, scope, arms, callDepth + 1);
      }
      return;
    }
    for (const expanded of vars.expandCommand(words)) {
      const command = parseBuildCommand(expanded);
      if (!command) {
        produced.push(...producedPaths(expanded, site.bases[0] ?? site.here, snapshot, `${site.file}:${line}`));
        continue;
      }
      if (command.kind === 'gcloud-config' || command.kind === 'bake') {
        const call = resolveConfigCall(command, { ...site, line }, snapshot);
        if (call) result.configCalls = [...(result.configCalls ?? []), call];
        continue;
      }
      const resolution = resolveBuildCommand(command, { ...site, line }, snapshot);
      if (resolution && 'invocation' in resolution) result.invocations.push(withProduced(resolution.invocation, produced));
      if (resolution && 'problem' in resolution) result.problems.push(resolution.problem);
    }
  };
  readLines(main, new ShellValues(), new Map(), 0);
  return result;
}

/** What earlier lines of the script made is in the context this build sends. */
export function withProduced(invocation: BuildInvocation, produced: readonly UnseenInput[]): BuildInvocation {
  const inside = produced.filter((p) => invocation.context === '' || p.path === invocation.context || p.path.startsWith(`${invocation.context}/`));
  return inside.length > 0 ? { ...invocation, unseenInputs: [...inside] } : invocation;
}

/** Logical lines with the 1-based line each starts on; a trailing `\` continues the line. */
export function joinContinuations(text: string): ScriptLine[] {
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
function recordShellVariable(words: string[], vars: ShellValues, arms: ArmPath): boolean {
  const rest = ['export', 'readonly', 'local', 'declare'].includes(words[0] ?? '') ? words.slice(1) : words;
  if (rest.length !== 1) return false;
  const match = SHELL_ASSIGNMENT.exec(rest[0] as string);
  if (!match) return false;
  for (const [value] of vars.expandCommand([match[2] ?? ''])) vars.assign(match[1] as string, value as string, arms);
  return true;
}
