import path from 'node:path/posix';
import type { RepoPath, RepoSnapshot } from '../types.js';
import type { BuildInvocation } from './build-invocation.js';
import { unreadableFile } from './discovery-problems.js';
import { isUnresolved } from './expand-word.js';
import type { BuildCommand } from './parse-build-command.js';
import { parseHcl, type HclValue } from './parse-hcl.js';
import { resolveBuildCommand } from './resolve-build-command.js';
import type { ScanResult } from './scan-text-script.js';

interface BakeTarget {
  name: string;
  line: number;
  attributes: Record<string, HclValue>;
}

/**
 * The targets of a `docker buildx bake` file (HCL or JSON; compose files
 * are read as compose): each gives a build with its context, Dockerfile
 * (relative to the context), `args` and `target`, `inherits` merged first.
 * `${VAR}` takes the `variable` block's default. Paths are taken from the
 * bake file's folder, where `docker buildx bake` runs.
 */
export function readBakeFile(text: string, file: RepoPath, here: RepoPath, snapshot: RepoSnapshot): ScanResult {
  const result: ScanResult = { invocations: [], problems: [] };
  let targets: BakeTarget[];
  let variables: Record<string, string>;
  try {
    ({ targets, variables } = file.endsWith('.json') ? readJson(text) : readHcl(text));
  } catch (error) {
    result.problems.push(unreadableFile(file, 0, (error as Error).message));
    return result;
  }
  const byName = new Map(targets.map((t) => [t.name, t]));
  const interpolate = (value: string): string =>
    value.replace(/\$\{\s*(\w+)\s*\}/g, (whole, name: string) => variables[name] ?? whole);
  for (const target of targets) {
    const attributes = mergeInherited(target, byName, new Set());
    const text = (key: string): string | undefined => {
      const value = attributes[key];
      return typeof value === 'string' || typeof value === 'number' ? interpolate(String(value)) : undefined;
    };
    if (attributes['dockerfile-inline'] !== undefined) continue;
    const context = text('context') ?? '.';
    const dockerfile = text('dockerfile') ?? 'Dockerfile';
    if (/^[a-z]+:\/\/|^git@|^target:/.test(context) || path.isAbsolute(dockerfile)) continue;
    const command: BuildCommand = { kind: 'docker', context, file: path.join(context, dockerfile), buildArgs: [] };
    const stage = text('target');
    if (stage !== undefined) command.target = stage;
    const args = attributes.args;
    if (args && typeof args === 'object' && !Array.isArray(args)) {
      for (const [key, value] of Object.entries(args)) if (typeof value === 'string' || typeof value === 'number') command.buildArgs.push([key, interpolate(String(value))]);
    }
    const resolution = resolveBuildCommand(command, { file, line: target.line, here, bases: [here] }, snapshot);
    if (resolution && 'invocation' in resolution) result.invocations.push(named(resolution.invocation, target.name));
    // A target that names no context or Dockerfile of its own is often only a base for `inherits`.
    else if (resolution && 'problem' in resolution && (attributes.context !== undefined || attributes.dockerfile !== undefined) && !isUnresolved(command.file ?? '')) {
      result.problems.push(resolution.problem);
    }
  }
  return result;
}

function named(invocation: BuildInvocation, name: string): BuildInvocation {
  return { ...invocation, name };
}

/** A target's attributes over those of the targets it inherits, in order (later parents win, the target itself last). */
function mergeInherited(target: BakeTarget, byName: ReadonlyMap<string, BakeTarget>, seen: Set<string>): Record<string, HclValue> {
  if (seen.has(target.name)) return {};
  seen.add(target.name);
  const parents = Array.isArray(target.attributes.inherits) ? target.attributes.inherits : [];
  let merged: Record<string, HclValue> = {};
  for (const parent of parents) {
    const found = typeof parent === 'string' ? byName.get(parent) : undefined;
    if (found) merged = { ...merged, ...mergeInherited(found, byName, seen) };
  }
  return { ...merged, ...target.attributes };
}

function readHcl(text: string): { targets: BakeTarget[]; variables: Record<string, string> } {
  const blocks = parseHcl(text);
  const variables: Record<string, string> = {};
  for (const block of blocks) {
    const value = block.attributes.default;
    if (block.type === 'variable' && block.labels[0] && (typeof value === 'string' || typeof value === 'number')) variables[block.labels[0]] = String(value);
  }
  const targets = blocks.filter((b) => b.type === 'target' && b.labels[0]).map((b) => ({ name: b.labels[0] as string, line: b.line, attributes: b.attributes }));
  return { targets, variables };
}

function readJson(text: string): { targets: BakeTarget[]; variables: Record<string, string> } {
  const data = JSON.parse(text) as { target?: Record<string, Record<string, HclValue>>; variable?: Record<string, { default?: unknown }> };
  const variables: Record<string, string> = {};
  for (const [name, variable] of Object.entries(data.variable ?? {})) {
    if (typeof variable?.default === 'string' || typeof variable?.default === 'number') variables[name] = String(variable.default);
  }
  const lineOf = (name: string): number => text.slice(0, Math.max(text.indexOf(`"${name}"`), 0)).split('\n').length;
  const targets = Object.entries(data.target ?? {}).map(([name, attributes]) => ({ name, line: lineOf(name), attributes }));
  return { targets, variables };
}
