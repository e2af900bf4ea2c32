import { asRepoPath, type RepoPath, type RunRecord } from '../types.js';
import { expandWord } from './expand-word.js';
import { joinKey, resolveAgainst, toImagePath } from './image-paths.js';
import { normalizeSourcePath } from './normalize-source.js';
import type { DockerInstruction } from './parse-dockerfile.js';
import type { Heredoc } from './read-heredocs.js';
import type { StageState } from './stage-state.js';
import { lookupIn } from './variables.js';

type BindMount = RunRecord['bindMounts'][number];

/**
 * A RUN as the dependency checks need it: command, the variables it sees
 * (ARG values and ENV, ENV winning; shared, see RunEnv), and what
 * `--mount=type=bind` exposes.
 */
export function buildRunRecord(instruction: DockerInstruction, state: StageState, context: RepoPath | undefined, escape: string): RunRecord {
  const env = state.runEnv.current();
  const bindMounts: BindMount[] = [];
  for (const flag of instruction.flags) {
    if (flag.name !== 'mount' || !flag.value) continue;
    const mount = parseMount(expandWord(flag.value, lookupIn(state.scope), escape).value);
    if ((mount.type ?? 'bind') !== 'bind') continue;
    const target = mount.target ?? mount.dst ?? mount.destination;
    if (target === undefined) continue;
    const source = normalizeSourcePath(mount.source ?? mount.src ?? '.');
    const fromContext = mount.from === undefined && context !== undefined;
    bindMounts.push({
      target: toImagePath(resolveAgainst(state.workdir, target)),
      repoPath: fromContext ? asRepoPath(joinKey(context, source === '.' ? '' : source)) : undefined,
      ...(mount.from !== undefined ? { from: mount.from, source: toImagePath(resolveAgainst(toImagePath('/'), source)) } : {}),
    });
  }
  const script = heredocScript(instruction);
  const record: RunRecord = {
    line: instruction.line,
    stage: state.label,
    command: instruction.json ? instruction.json.join(' ') : script ? script.content : instruction.body.trim(),
    form: instruction.json ? 'exec' : 'shell',
    workdir: state.workdir,
    env,
    bindMounts,
  };
  if (instruction.json) record.args = instruction.json;
  if (state.user !== undefined && state.user !== '') record.user = state.user;
  if (script) record.commandLine = script.line;
  return record;
}

/**
 * `RUN <<EOF` with nothing but the heredoc: BuildKit runs the body itself as
 * the shell script (a body starting `#!` runs as a file with that
 * interpreter, so only a shell one is read as commands). With a command
 * before the heredoc (`RUN python3 <<EOF`) the body is that command's input,
 * and the whole text goes to the shell.
 */
function heredocScript(instruction: DockerInstruction): Heredoc | undefined {
  const [first] = instruction.heredocs;
  if (instruction.heredocs.length !== 1 || !/^<<-?(["']?)[^\s"']+\1$/.test(instruction.args)) return undefined;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first!.content);
  if (!shebang) return first;
  const interpreter = shebang[1]!.endsWith('/env') ? (shebang[2] ?? '') : shebang[1]!;
  return /(^|\/)(ba|da|z|k)?sh$/.test(interpreter) ? first : undefined;
}

/** `type=bind,source=x,target=/y,readonly` → key/value pairs (a bare key is `true`). */
export function parseMount(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key) fields[key] = eq < 0 ? 'true' : part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return fields;
}
