import { asRepoPath, type RepoPath, type RunRecord } from '../types.js';
import { expandWord } from './expand-word.js';
import { joinKey, resolveAgainst, toImagePath } from './image-paths.js';
import { normalizeSourcePath } from './normalize-source.js';
import type { DockerInstruction } from './parse-dockerfile.js';
import type { StageState } from './stage-state.js';
import { lookupIn } from './variables.js';

type BindMount = RunRecord['bindMounts'][number];

/**
 * A RUN as the dependency checks need it: command, the variables it sees
 * (ARG values and ENV, ENV winning), and what `--mount=type=bind` exposes.
 */
export function buildRunRecord(instruction: DockerInstruction, state: StageState, context: RepoPath | undefined, escape: string): RunRecord {
  const env: Record<string, string> = {};
  for (const [name, value] of state.scope.args) if (value !== undefined) env[name] = value;
  for (const [name, value] of state.scope.env) env[name] = value;
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
      ...(mount.from !== undefined ? { from: mount.from } : {}),
    });
  }
  const record: RunRecord = {
    line: instruction.line,
    stage: state.label,
    command: instruction.json ? instruction.json.join(' ') : instruction.body.trim(),
    form: instruction.json ? 'exec' : 'shell',
    workdir: state.workdir,
    env,
    bindMounts,
  };
  if (instruction.json) record.args = instruction.json;
  if (state.user !== undefined && state.user !== '') record.user = state.user;
  return record;
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
